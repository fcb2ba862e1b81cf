package org.storybank.query.projection;

import java.util.Optional;
import org.storybank.api.cohort.CohortEvent;
import org.storybank.api.cohort.CohortEvents.CandidateEnrolled;
import org.storybank.api.cohort.CohortEvents.CandidateRemoved;

/**
 * A candidate joined or left a cohort. Their stories follow them: a coach searches only the stories
 * of candidates in their cohorts now, not of those who were in them when they drafted.
 */
public record CohortChange(String candidateId, String joined, String left) {

  public static Optional<CohortChange> of(CohortEvent event) {
    return switch (event) {
      case CandidateEnrolled enrolled ->
          Optional.of(new CohortChange(enrolled.candidateId(), enrolled.cohortId(), null));
      case CandidateRemoved removed ->
          Optional.of(new CohortChange(removed.candidateId(), null, removed.cohortId()));
      default -> Optional.empty();
    };
  }

  /** The story as it should be indexed after the change; empty if the change does not touch it. */
  public Optional<StoryDocument> applyTo(StoryDocument story) {
    if (!story.authorId().equals(candidateId)) {
      return Optional.empty();
    }
    if (joined != null && !joined.equals(story.cohortId())) {
      return Optional.of(story.withCohort(joined));
    }
    if (left != null && left.equals(story.cohortId())) {
      return Optional.of(story.withCohort(null));
    }
    return Optional.empty();
  }
}
