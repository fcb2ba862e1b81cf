package org.storybank.command.cohort;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

class CohortTest {

  private static final String COHORT = "cohort-1";
  private static final Actor ADMIN = new Actor("admin-1", Actor.ActorRole.ADMIN, List.of());
  private static final Actor COACH = Actor.coach("coach-1", List.of(COHORT));
  private static final Actor OTHER_COACH = Actor.coach("coach-2", List.of("cohort-2"));
  private static final Actor CANDIDATE = Actor.candidate("candidate-1", List.of());

  private static final Instant now = Instant.parse("2026-11-25T12:00:00Z");

  private FixtureConfiguration<Cohort> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Cohort.class);
  }

  @Test
  void theAdminCreatesACohort() {
    fixture
        .givenCurrentTime(now)
        .when(new CreateCohort(COHORT, ADMIN, " Northwind "))
        .expectEvents(new CohortCreated(COHORT, ADMIN.userId(), "Northwind"));
  }

  @Test
  void aCoachDoesNotCreateCohorts() {
    fixture
        .givenCurrentTime(now)
        .when(new CreateCohort(COHORT, COACH, "Northwind"))
        .expectException(CohortAccessDenied.class)
        .expectNoEvents();
  }

  @Test
  void aCohortNeedsAName() {
    fixture
        .givenCurrentTime(now)
        .when(new CreateCohort(COHORT, ADMIN, " "))
        .expectException(CohortRuleViolation.class)
        .expectNoEvents();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x y",
        "x' OR '1'='1",
        "x/y",
        "Cohort-1",
        "-leading-hyphen",
        "a",
        "cohort-1-and-a-name-far-longer-than-the-sixty-three-characters-allowed"
      })
  void aCohortIdOutsideThePatternIsRefusedBeforeAnythingIsWritten(String id) {
    fixture
        .givenCurrentTime(now)
        .when(new CreateCohort(id, ADMIN, "Northwind"))
        .expectException(CohortRuleViolation.class)
        .expectExceptionMessage(Matchers.containsString("lower-case letters, digits or hyphens"))
        .expectNoEvents();
  }

  @Test
  void aCohortIdOfSixtyThreeCharactersIsAccepted() {
    String id = "c" + "-".repeat(61) + "9";
    fixture
        .givenCurrentTime(now)
        .when(new CreateCohort(id, ADMIN, "Northwind"))
        .expectEvents(new CohortCreated(id, ADMIN.userId(), "Northwind"));
  }

  @Test
  void theAdminAssignsTheCoach() {
    fixture
        .givenCurrentTime(now)
        .andGiven(created())
        .when(new AssignCoach(COHORT, ADMIN, COACH.userId()))
        .expectEvents(new CoachAssigned(COHORT, ADMIN.userId(), COACH.userId(), null));
  }

  @Test
  void aCoachDoesNotAssignCoaches() {
    fixture
        .givenCurrentTime(now)
        .andGiven(created(), coached())
        .when(new AssignCoach(COHORT, COACH, "coach-9"))
        .expectException(CohortAccessDenied.class)
        .expectNoEvents();
  }

  @Test
  void theCoachInvitesACandidate() {
    Instant expires = now.plus(Duration.ofDays(7));
    fixture
        .givenCurrentTime(now)
        .andGiven(created(), coached())
        .when(new InviteCandidate(COHORT, COACH, "inv-1", "hash-1", expires))
        .expectEvents(new CandidateInvited(COHORT, COACH.userId(), "inv-1", "hash-1", expires));
  }

  @Test
  void aCoachOfAnotherCohortCannotInvite() {
    fixture
        .givenCurrentTime(now)
        .andGiven(created(), coached())
        .when(
            new InviteCandidate(
                COHORT, OTHER_COACH, "inv-1", "hash-1", now.plus(Duration.ofDays(7))))
        .expectException(CohortAccessDenied.class)
        .expectNoEvents();
  }

  @Test
  void anInvitationExpiresWithinThirtyDaysAndNotInThePast() {
    fixture
        .givenCurrentTime(now)
        .andGiven(created(), coached())
        .when(new InviteCandidate(COHORT, COACH, "inv-1", "hash-1", now.plus(Duration.ofDays(31))))
        .expectException(CohortRuleViolation.class)
        .expectNoEvents();
    fixture
        .givenCurrentTime(now)
        .andGiven(created(), coached())
        .when(new InviteCandidate(COHORT, COACH, "inv-1", "hash-1", now.minusSeconds(1)))
        .expectException(CohortRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void aCandidateEnrollsWithAValidCode() {
    fixture
        .givenCurrentTime(now)
        .andGiven(created(), coached(), invited(now.plus(Duration.ofDays(7))))
        .when(new AcceptInvitation(COHORT, CANDIDATE, "hash-1"))
        .expectEvents(new CandidateEnrolled(COHORT, CANDIDATE.userId(), "inv-1"));
  }

  @Test
  void aCodeWorksOnce() {
    fixture
        .givenCurrentTime(now)
        .andGiven(
            created(),
            coached(),
            invited(now.plus(Duration.ofDays(7))),
            new CandidateEnrolled(COHORT, CANDIDATE.userId(), "inv-1"))
        .when(new AcceptInvitation(COHORT, Actor.candidate("candidate-2", List.of()), "hash-1"))
        .expectException(CohortRuleViolation.class)
        .expectExceptionMessage(Matchers.containsString("already used"))
        .expectNoEvents();
  }

  @Test
  void anExpiredCodeIsRefused() {
    fixture
        .givenCurrentTime(now)
        .andGiven(created(), coached(), invited(now.plus(Duration.ofHours(1))))
        .andGivenCurrentTime(now.plus(Duration.ofHours(2)))
        .when(new AcceptInvitation(COHORT, CANDIDATE, "hash-1"))
        .expectException(CohortRuleViolation.class)
        .expectExceptionMessage(Matchers.containsString("expired"))
        .expectNoEvents();
  }

  @Test
  void anUnknownCodeIsRefused() {
    fixture
        .givenCurrentTime(now)
        .andGiven(created(), coached(), invited(now.plus(Duration.ofDays(7))))
        .when(new AcceptInvitation(COHORT, CANDIDATE, "hash-9"))
        .expectException(CohortRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void onlyACandidateAcceptsAnInvitation() {
    fixture
        .givenCurrentTime(now)
        .andGiven(created(), coached(), invited(now.plus(Duration.ofDays(7))))
        .when(new AcceptInvitation(COHORT, COACH, "hash-1"))
        .expectException(CohortRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void theCoachRemovesACandidate() {
    fixture
        .givenCurrentTime(now)
        .andGiven(created(), coached(), invited(now.plus(Duration.ofDays(7))), enrolled())
        .when(new RemoveCandidate(COHORT, COACH, CANDIDATE.userId()))
        .expectEvents(new CandidateRemoved(COHORT, COACH.userId(), CANDIDATE.userId()));
  }

  @Test
  void removingSomeoneNotEnrolledIsRefused() {
    fixture
        .givenCurrentTime(now)
        .andGiven(created(), coached())
        .when(new RemoveCandidate(COHORT, COACH, "candidate-9"))
        .expectException(CohortRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void anotherCoachCannotRemoveACandidate() {
    fixture
        .givenCurrentTime(now)
        .andGiven(created(), coached(), invited(now.plus(Duration.ofDays(7))), enrolled())
        .when(new RemoveCandidate(COHORT, OTHER_COACH, CANDIDATE.userId()))
        .expectException(CohortAccessDenied.class)
        .expectNoEvents();
  }

  private static CohortCreated created() {
    return new CohortCreated(COHORT, ADMIN.userId(), "Northwind");
  }

  private static CoachAssigned coached() {
    return new CoachAssigned(COHORT, ADMIN.userId(), COACH.userId(), null);
  }

  private static CandidateInvited invited(Instant expires) {
    return new CandidateInvited(COHORT, COACH.userId(), "inv-1", "hash-1", expires);
  }

  private static CandidateEnrolled enrolled() {
    return new CandidateEnrolled(COHORT, CANDIDATE.userId(), "inv-1");
  }
}
