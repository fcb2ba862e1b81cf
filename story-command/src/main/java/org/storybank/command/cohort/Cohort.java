package org.storybank.command.cohort;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.storybank.api.cohort.CohortCommands.AcceptInvitation;
import org.storybank.api.cohort.CohortCommands.AssignCoach;
import org.storybank.api.cohort.CohortCommands.CreateCohort;
import org.storybank.api.cohort.CohortCommands.InviteCandidate;
import org.storybank.api.cohort.CohortCommands.RemoveCandidate;
import org.storybank.api.cohort.CohortEvents.CandidateEnrolled;
import org.storybank.api.cohort.CohortEvents.CandidateInvited;
import org.storybank.api.cohort.CohortEvents.CandidateRemoved;
import org.storybank.api.cohort.CohortEvents.CoachAssigned;
import org.storybank.api.cohort.CohortEvents.CohortCreated;
import org.storybank.api.story.Actor;
import org.storybank.api.story.Actor.ActorRole;

/**
 * A group of candidates and their coach. The admin creates it and assigns the coach; the coach
 * invites candidates with single-use codes that expire; a candidate enrolls by accepting one; the
 * coach or the admin removes a candidate, who keeps their stories.
 */
@Aggregate
public class Cohort {

  static final Duration LONGEST_INVITATION = Duration.ofDays(30);
  static final int MAX_NAME_CHARS = 200;

  /**
   * A cohort id is one URL path segment and a search filter value: lower-case letters, digits and
   * hyphens, starting with a letter or digit, 2 to 63 characters.
   */
  static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

  static final String ID_RULE =
      "2-63 lower-case letters, digits or hyphens, starting with a letter or digit";

  private record Invitation(String invitationId, Instant expiresAt, boolean used) {}

  @AggregateIdentifier private String cohortId;
  private String coachId;
  private final Set<String> candidates = new HashSet<>();
  private final Map<String, Invitation> invitationsByCodeHash = new HashMap<>();

  protected Cohort() {
    // for Axon: rebuilt from its events
  }

  @CommandHandler
  public Cohort(CreateCohort command) {
    requireAdmin(command.actor(), command.cohortId());
    requireId(command.cohortId());
    requireText("name", command.name(), MAX_NAME_CHARS);
    apply(new CohortCreated(command.cohortId(), command.actor().userId(), command.name().strip()));
  }

  @CommandHandler
  void handle(AssignCoach command) {
    requireAdmin(command.actor(), cohortId);
    requireText("coachId", command.coachId(), 64);
    if (!command.coachId().equals(coachId)) {
      apply(new CoachAssigned(cohortId, command.actor().userId(), command.coachId(), coachId));
    }
  }

  @CommandHandler
  void handle(InviteCandidate command) {
    requireCoachOrAdmin(command.actor());
    requireText("invitationId", command.invitationId(), 64);
    requireText("codeHash", command.codeHash(), 128);
    Instant now = GenericEventMessage.clock.instant();
    if (command.expiresAt() == null || !command.expiresAt().isAfter(now)) {
      throw new CohortRuleViolation("expiresAt", "must lie in the future");
    }
    if (command.expiresAt().isAfter(now.plus(LONGEST_INVITATION))) {
      throw new CohortRuleViolation("expiresAt", "an invitation lasts at most 30 days");
    }
    if (invitationsByCodeHash.containsKey(command.codeHash())) {
      throw new CohortRuleViolation("codeHash", "this code was issued already");
    }
    apply(
        new CandidateInvited(
            cohortId,
            command.actor().userId(),
            command.invitationId(),
            command.codeHash(),
            command.expiresAt()));
  }

  @CommandHandler
  void handle(AcceptInvitation command) {
    Actor actor = command.actor();
    if (actor == null || actor.role() != ActorRole.CANDIDATE) {
      throw new CohortRuleViolation("actor", "only a candidate accepts an invitation");
    }
    Invitation invitation = invitationsByCodeHash.get(command.codeHash());
    if (invitation == null || invitation.used()) {
      throw new CohortRuleViolation("code", "unknown or already used");
    }
    if (!GenericEventMessage.clock.instant().isBefore(invitation.expiresAt())) {
      throw new CohortRuleViolation("code", "expired; ask your coach for a new one");
    }
    if (candidates.contains(actor.userId())) {
      throw new CohortRuleViolation("candidate", "already enrolled in this cohort");
    }
    apply(new CandidateEnrolled(cohortId, actor.userId(), invitation.invitationId()));
  }

  @CommandHandler
  void handle(RemoveCandidate command) {
    requireCoachOrAdmin(command.actor());
    if (!candidates.contains(command.candidateId())) {
      throw new CohortRuleViolation("candidateId", "not enrolled in this cohort");
    }
    apply(new CandidateRemoved(cohortId, command.actor().userId(), command.candidateId()));
  }

  private void requireCoachOrAdmin(Actor actor) {
    boolean admin = actor != null && actor.role() == ActorRole.ADMIN;
    boolean coach =
        actor != null && actor.role() == ActorRole.COACH && actor.userId().equals(coachId);
    if (!admin && !coach) {
      throw new CohortAccessDenied(cohortId);
    }
  }

  private static void requireAdmin(Actor actor, String cohortId) {
    if (actor == null || actor.role() != ActorRole.ADMIN) {
      throw new CohortAccessDenied(cohortId);
    }
  }

  private static void requireId(String cohortId) {
    if (cohortId == null || !ID_PATTERN.matcher(cohortId).matches()) {
      throw new CohortRuleViolation("id", ID_RULE);
    }
  }

  private static void requireText(String field, String value, int maxChars) {
    if (value == null || value.isBlank()) {
      throw new CohortRuleViolation(field, "must not be blank");
    }
    if (value.length() > maxChars) {
      throw new CohortRuleViolation(field, "at most " + maxChars + " characters");
    }
  }

  @EventSourcingHandler
  void on(CohortCreated event) {
    cohortId = event.cohortId();
  }

  @EventSourcingHandler
  void on(CoachAssigned event) {
    coachId = event.coachId();
  }

  @EventSourcingHandler
  void on(CandidateInvited event) {
    invitationsByCodeHash.put(
        event.codeHash(), new Invitation(event.invitationId(), event.expiresAt(), false));
  }

  @EventSourcingHandler
  void on(CandidateEnrolled event) {
    candidates.add(event.candidateId());
    invitationsByCodeHash.replaceAll(
        (hash, invitation) ->
            invitation.invitationId().equals(event.invitationId())
                ? new Invitation(invitation.invitationId(), invitation.expiresAt(), true)
                : invitation);
  }

  @EventSourcingHandler
  void on(CandidateRemoved event) {
    candidates.remove(event.candidateId());
  }
}
