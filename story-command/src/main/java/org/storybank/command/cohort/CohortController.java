package org.storybank.command.cohort;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.api.cohort.CohortCommands.AcceptInvitation;
import org.storybank.api.cohort.CohortCommands.AssignCoach;
import org.storybank.api.cohort.CohortCommands.CreateCohort;
import org.storybank.api.cohort.CohortCommands.InviteCandidate;
import org.storybank.api.cohort.CohortCommands.RemoveCandidate;
import org.storybank.api.story.Actor;
import org.storybank.api.story.Actor.ActorRole;
import org.storybank.command.Actors;
import org.storybank.security.Caller;

/** Cohorts: created by the admin, coached by one coach, joined by invitation. */
@RestController
@RequestMapping("/api/cohorts")
class CohortController {

  private final CommandGateway commands;
  private final CohortMembershipView membership;

  CohortController(CommandGateway commands, CohortMembershipView membership) {
    this.commands = commands;
    this.membership = membership;
  }

  record CohortBody(String id, String name, String coachId) {}

  record CoachBody(String coachId) {}

  record InvitationBody(Integer validForDays) {}

  record EnrollmentBody(String code) {}

  @PostMapping
  ResponseEntity<Map<String, Object>> create(Caller caller, @RequestBody CohortBody body) {
    Actor actor = actor(caller);
    String cohortId =
        body.id() == null || body.id().isBlank() ? UUID.randomUUID().toString() : body.id();
    commands.sendAndWait(new CreateCohort(cohortId, actor, body.name()));
    if (body.coachId() != null) {
      commands.sendAndWait(new AssignCoach(cohortId, actor, body.coachId()));
    }
    return ResponseEntity.created(URI.create("/api/cohorts/" + cohortId))
        .body(Map.of("id", cohortId));
  }

  @PutMapping("/{cohortId}/coach")
  Map<String, Object> assignCoach(
      Caller caller, @PathVariable String cohortId, @RequestBody CoachBody body) {
    commands.sendAndWait(new AssignCoach(cohortId, actor(caller), body.coachId()));
    return Map.of("id", cohortId, "coachId", body.coachId());
  }

  @PostMapping("/{cohortId}/invitations")
  ResponseEntity<Map<String, Object>> invite(
      Caller caller,
      @PathVariable String cohortId,
      @RequestBody(required = false) InvitationBody body) {
    int days = body == null || body.validForDays() == null ? 7 : body.validForDays();
    if (days < 1 || days > 30) {
      throw new CohortRuleViolation("validForDays", "between 1 and 30");
    }
    String code = InvitationCodes.newCode(cohortId);
    Instant expiresAt = Instant.now().plus(Duration.ofDays(days));
    commands.sendAndWait(
        new InviteCandidate(
            cohortId,
            actor(caller),
            UUID.randomUUID().toString(),
            InvitationCodes.hash(code),
            expiresAt));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of("code", code, "expiresAt", expiresAt));
  }

  @PostMapping("/enrollments")
  ResponseEntity<Map<String, Object>> enroll(Caller caller, @RequestBody EnrollmentBody body) {
    String cohortId =
        InvitationCodes.cohortOf(body.code())
            .orElseThrow(() -> new CohortRuleViolation("code", "unknown or already used"));
    commands.sendAndWait(
        new AcceptInvitation(cohortId, actor(caller), InvitationCodes.hash(body.code())));
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("cohortId", cohortId));
  }

  @DeleteMapping("/{cohortId}/candidates/{candidateId}")
  ResponseEntity<Void> remove(
      Caller caller, @PathVariable String cohortId, @PathVariable String candidateId) {
    commands.sendAndWait(new RemoveCandidate(cohortId, actor(caller), candidateId));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{cohortId}")
  Map<String, Object> cohort(Caller caller, @PathVariable String cohortId) {
    String coach = membership.coachOf(cohortId).orElseThrow(() -> new CohortAccessDenied(cohortId));
    Actor actor = actor(caller);
    if (actor.role() != ActorRole.ADMIN
        && !(actor.role() == ActorRole.COACH && actor.userId().equals(coach))) {
      throw new CohortAccessDenied(cohortId);
    }
    return Map.of(
        "id", cohortId, "coachId", coach, "candidateIds", membership.candidatesOf(cohortId));
  }

  @ExceptionHandler({
    CohortAccessDenied.class,
    org.axonframework.modelling.command.AggregateNotFoundException.class,
    IncompatibleAggregateException.class
  })
  ProblemDetail notFound(RuntimeException exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such cohort");
  }

  /** Axon refuses a second stream for an aggregate id that has one: the id is taken. */
  @ExceptionHandler(AggregateStreamCreationException.class)
  ProblemDetail idTaken(AggregateStreamCreationException exception) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "id: a cohort with this id exists");
    problem.setProperty("field", "id");
    problem.setProperty("rule", "a cohort with this id exists");
    return problem;
  }

  private static Actor actor(Caller caller) {
    return Actors.of(caller);
  }
}
