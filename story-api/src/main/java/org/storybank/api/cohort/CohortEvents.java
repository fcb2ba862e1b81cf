package org.storybank.api.cohort;

import java.time.Instant;

/** What happened to a cohort. */
public final class CohortEvents {

  private CohortEvents() {}

  public record CohortCreated(String cohortId, String actorId, String name)
      implements CohortEvent {}

  public record CoachAssigned(
      String cohortId, String actorId, String coachId, String previousCoachId)
      implements CohortEvent {}

  public record CandidateInvited(
      String cohortId, String actorId, String invitationId, String codeHash, Instant expiresAt)
      implements CohortEvent {}

  public record CandidateEnrolled(String cohortId, String candidateId, String invitationId)
      implements CohortEvent {}

  public record CandidateRemoved(String cohortId, String actorId, String candidateId)
      implements CohortEvent {}
}
