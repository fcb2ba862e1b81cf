package org.storybank.query.projection;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which cohort a story belongs in: the one its author is in now. A story drafted just before its
 * author left a cohort may be indexed after the removal was processed; placing it by the current
 * memberships keeps it out of the old coach's search. An author nobody has seen enrolled keeps the
 * cohort the event named.
 */
public final class CohortPlacement {

  /** A candidate's membership of one cohort, as the cohort's latest event left it. */
  public record Membership(String candidateId, String cohortId, boolean member) {}

  private CohortPlacement() {}

  public static StoryDocument place(StoryDocument story, List<Membership> known) {
    if (known.isEmpty()) {
      return story;
    }
    List<String> current =
        known.stream().filter(Membership::member).map(Membership::cohortId).sorted().toList();
    if (story.cohortId() != null && current.contains(story.cohortId())) {
      return story;
    }
    return story.withCohort(current.stream().findFirst().orElse(null));
  }

  /** The story placed by {@code known}; empty when it already is where it belongs. */
  public static Optional<StoryDocument> move(StoryDocument story, List<Membership> known) {
    StoryDocument placed = place(story, known);
    return Objects.equals(placed.cohortId(), story.cohortId())
        ? Optional.empty()
        : Optional.of(placed);
  }
}
