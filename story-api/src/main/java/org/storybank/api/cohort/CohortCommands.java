package org.storybank.api.cohort;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.storybank.api.story.Actor;

/** What can be asked of a cohort: a group of candidates with their coach. */
public final class CohortCommands {

  private CohortCommands() {}

  public record CreateCohort(@TargetAggregateIdentifier String cohortId, Actor actor, String name)
      implements CohortCommand {}

  public record AssignCoach(@TargetAggregateIdentifier String cohortId, Actor actor, String coachId)
      implements CohortCommand {}

  /**
   * Invite one candidate. Only the hash of the code is kept; the code itself goes to the candidate
   * once and works once, until {@code expiresAt}.
   */
  public record InviteCandidate(
      @TargetAggregateIdentifier String cohortId,
      Actor actor,
      String invitationId,
      String codeHash,
      Instant expiresAt)
      implements CohortCommand {}

  /** A candidate accepts an invitation with the code they were given (only its hash travels). */
  public record AcceptInvitation(
      @TargetAggregateIdentifier String cohortId, Actor actor, String codeHash)
      implements CohortCommand {}

  /** The candidate leaves the cohort and keeps their stories; its coach loses access to them. */
  public record RemoveCandidate(
      @TargetAggregateIdentifier String cohortId, Actor actor, String candidateId)
      implements CohortCommand {}
}
