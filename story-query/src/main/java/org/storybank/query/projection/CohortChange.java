package org.storybank.query.projection;

import java.util.Optional;
import org.storybank.api.cohort.CohortEvent;
import org.storybank.api.cohort.CohortEvents.CandidateEnrolled;
import org.storybank.api.cohort.CohortEvents.CandidateRemoved;

/**
 * A candidate joined or left a cohort. Their stories follow them, placed by every membership known
 * so far ({@link CohortPlacement}), not by this change alone: cohort events are keyed by cohort, so
 * two cohorts' events about one candidate may arrive in either order, and a stale one may repeat.
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
}
