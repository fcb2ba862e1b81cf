package org.storybank.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storybank.api.cohort.CohortEvents.CandidateEnrolled;
import org.storybank.api.cohort.CohortEvents.CandidateRemoved;
import org.storybank.api.cohort.CohortEvents.CohortCreated;

class CohortChangeTest {

  private static final StoryDocument STORY =
      new StoryDocument(
          "s-1",
          "alice",
          "cohort-1",
          "T",
          List.of(),
          List.of(),
          "mid",
          "s",
          "t",
          "a",
          "r",
          "draft",
          4,
          2,
          Instant.EPOCH,
          Instant.EPOCH,
          null,
          null,
          null);

  @Test
  void aRemovedCandidatesStoriesLeaveTheCohortAtTheirOwnVersion() {
    StoryDocument moved =
        CohortChange.of(new CandidateRemoved("cohort-1", "coach-1", "alice"))
            .orElseThrow()
            .applyTo(STORY)
            .orElseThrow();
    assertThat(moved.cohortId()).isNull();
    assertThat(moved.version()).isEqualTo(4);
    assertThat(moved.title()).isEqualTo("T");
  }

  @Test
  void anEnrolledCandidatesStoriesJoinTheNewCohort() {
    StoryDocument moved =
        CohortChange.of(new CandidateEnrolled("cohort-2", "alice", "inv-1"))
            .orElseThrow()
            .applyTo(STORY)
            .orElseThrow();
    assertThat(moved.cohortId()).isEqualTo("cohort-2");
  }

  @Test
  void otherCandidatesAndOtherCohortsAreLeftAlone() {
    assertThat(
            CohortChange.of(new CandidateRemoved("cohort-1", "coach-1", "bob"))
                .orElseThrow()
                .applyTo(STORY))
        .isEmpty();
    assertThat(
            CohortChange.of(new CandidateRemoved("cohort-9", "coach-9", "alice"))
                .orElseThrow()
                .applyTo(STORY))
        .isEmpty();
    assertThat(
            CohortChange.of(new CandidateEnrolled("cohort-1", "alice", "inv-1"))
                .orElseThrow()
                .applyTo(STORY))
        .isEmpty();
    assertThat(CohortChange.of(new CohortCreated("cohort-3", "admin", "New"))).isEmpty();
  }
}
