package org.storybank.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.storybank.api.loop.LoopDetails;
import org.storybank.api.loop.LoopDetails.Interview;
import org.storybank.api.loop.LoopEvents.LoopCancelled;
import org.storybank.api.loop.LoopEvents.LoopPlanned;
import org.storybank.api.loop.LoopEvents.LoopRevised;
import org.storybank.api.loop.LoopEvents.LoopUsageRecorded;
import org.storybank.api.loop.StoryUse;

class LoopProjectionTest {

  private static final LoopDetails DETAILS =
      new LoopDetails(
          "North Wind",
          "Engineer",
          "mid",
          "2027-01-31",
          List.of(new Interview("Screen", List.of("ownership"), List.of())));

  private final LoopProjection projection = new LoopProjection();

  private static EventEnvelope at(long sequence) {
    return new EventEnvelope("e" + sequence, "loop-1", sequence, Instant.ofEpochSecond(sequence));
  }

  private LoopDocument planned() {
    return projection
        .apply(Optional.empty(), new LoopPlanned("loop-1", "c1", DETAILS), at(0))
        .orElseThrow();
  }

  @Test
  void aPlannedLoopIsIndexedWithItsCompanyKey() {
    LoopDocument loop = planned();
    assertThat(loop.candidateId()).isEqualTo("c1");
    assertThat(loop.company()).isEqualTo("North Wind");
    assertThat(loop.companyKey()).isEqualTo("north wind");
    assertThat(loop.interviews()).isEqualTo(DETAILS.interviews());
    assertThat(loop.version()).isZero();
    assertThat(loop.cancelled()).isFalse();
  }

  @Test
  void revisionsUsageAndCancellationFoldInOrder() {
    LoopDetails revised =
        new LoopDetails("Contoso", "Lead", "senior", "2027-02-01", DETAILS.interviews());
    LoopDocument loop =
        projection
            .apply(Optional.of(planned()), new LoopRevised("loop-1", "c1", revised), at(1))
            .orElseThrow();
    assertThat(loop.companyKey()).isEqualTo("contoso");
    assertThat(loop.level()).isEqualTo("senior");
    List<StoryUse> uses = List.of(new StoryUse("Screen", "ownership", "s1"));
    loop =
        projection
            .apply(
                Optional.of(loop),
                new LoopUsageRecorded("loop-1", "c1", "Contoso", "2027-02-01", uses),
                at(2))
            .orElseThrow();
    assertThat(loop.uses()).isEqualTo(uses);
    assertThat(loop.version()).isEqualTo(2);
    loop =
        projection.apply(Optional.of(loop), new LoopCancelled("loop-1", "c1"), at(3)).orElseThrow();
    assertThat(loop.cancelled()).isTrue();
    assertThat(loop.uses()).isEqualTo(uses);
  }

  @Test
  void aRepeatedOrOlderEventWritesNothing() {
    LoopDocument loop = planned();
    assertThat(projection.apply(Optional.of(loop), new LoopPlanned("loop-1", "c1", DETAILS), at(0)))
        .isEmpty();
    LoopDocument cancelled =
        projection.apply(Optional.of(loop), new LoopCancelled("loop-1", "c1"), at(2)).orElseThrow();
    assertThat(
            projection.apply(
                Optional.of(cancelled), new LoopRevised("loop-1", "c1", DETAILS), at(1)))
        .isEmpty();
  }

  @Test
  void anEventForALoopNeverPlannedHereWritesNothing() {
    assertThat(projection.apply(Optional.empty(), new LoopCancelled("loop-1", "c1"), at(1)))
        .isEmpty();
  }
}
