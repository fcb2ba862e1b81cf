package org.storybank.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storybank.api.cohort.CohortEvents.CandidateEnrolled;
import org.storybank.api.cohort.CohortEvents.CandidateRemoved;
import org.storybank.api.cohort.CohortEvents.CohortCreated;
import org.storybank.query.projection.CohortPlacement.Membership;

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

  private static final List<Membership> LEFT_COHORT_1 =
      List.of(new Membership("alice", "cohort-1", false));

  @Test
  void cohortEventsBecomeChangesOfOneCandidate() {
    assertThat(CohortChange.of(new CandidateRemoved("cohort-1", "coach-1", "alice")))
        .contains(new CohortChange("alice", null, "cohort-1"));
    assertThat(CohortChange.of(new CandidateEnrolled("cohort-2", "alice", "inv-1")))
        .contains(new CohortChange("alice", "cohort-2", null));
    assertThat(CohortChange.of(new CohortCreated("cohort-3", "admin", "New"))).isEmpty();
  }

  @Test
  void aRemovedCandidatesStoriesLeaveTheCohortAtTheirOwnVersion() {
    StoryDocument moved = CohortPlacement.move(STORY, LEFT_COHORT_1).orElseThrow();
    assertThat(moved.cohortId()).isNull();
    assertThat(moved.version()).isEqualTo(4);
    assertThat(moved.title()).isEqualTo("T");
  }

  @Test
  void anEnrolledCandidatesStoriesJoinTheNewCohort() {
    List<Membership> moved =
        List.of(
            new Membership("alice", "cohort-1", false), new Membership("alice", "cohort-2", true));
    assertThat(CohortPlacement.move(STORY, moved).orElseThrow().cohortId()).isEqualTo("cohort-2");
  }

  @Test
  void aStoryAlreadyWhereItBelongsIsNotMoved() {
    assertThat(CohortPlacement.move(STORY, List.of(new Membership("alice", "cohort-1", true))))
        .isEmpty();
    assertThat(
            CohortPlacement.move(
                STORY,
                List.of(
                    new Membership("alice", "cohort-1", true),
                    new Membership("alice", "cohort-0", true))))
        .as("still a member of its cohort, even if another one sorts first")
        .isEmpty();
    assertThat(CohortPlacement.move(STORY, List.of()))
        .as("an author never seen enrolled")
        .isEmpty();
  }

  @Test
  void theOrderInWhichTwoCohortsEventsArriveDoesNotDecideWhereTheStoryEnds() {
    Membership inTwo = new Membership("alice", "cohort-2", true);
    Membership leftOne = new Membership("alice", "cohort-1", false);
    // the new cohort's enrolment seen first, the old cohort's removal after: both orders agree
    StoryDocument afterEnrolment = CohortPlacement.place(STORY, List.of(inTwo));
    StoryDocument afterBoth = CohortPlacement.place(afterEnrolment, List.of(inTwo, leftOne));
    StoryDocument otherOrder =
        CohortPlacement.place(
            CohortPlacement.place(STORY, List.of(leftOne)), List.of(leftOne, inTwo));
    assertThat(afterBoth.cohortId()).isEqualTo("cohort-2");
    assertThat(otherOrder.cohortId()).isEqualTo("cohort-2");
  }
}
