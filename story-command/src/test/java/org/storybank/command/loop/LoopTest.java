package org.storybank.command.loop;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storybank.api.loop.LoopCommands.CancelLoop;
import org.storybank.api.loop.LoopCommands.PlanLoop;
import org.storybank.api.loop.LoopCommands.RecordLoopUsage;
import org.storybank.api.loop.LoopCommands.ReviseLoop;
import org.storybank.api.loop.LoopDetails;
import org.storybank.api.loop.LoopDetails.Interview;
import org.storybank.api.loop.LoopEvents.LoopCancelled;
import org.storybank.api.loop.LoopEvents.LoopPlanned;
import org.storybank.api.loop.LoopEvents.LoopRevised;
import org.storybank.api.loop.LoopEvents.LoopUsageRecorded;
import org.storybank.api.loop.StoryUse;
import org.storybank.api.story.Actor;
import org.storybank.command.story.CohortMembership;

class LoopTest {

  private static final String LOOP = "loop-1";
  private static final String COHORT = "cohort-1";
  private static final Actor CANDIDATE = Actor.candidate("candidate-1", List.of(COHORT));
  private static final Actor OTHER_CANDIDATE = Actor.candidate("candidate-2", List.of(COHORT));
  private static final Actor COACH = Actor.coach("coach-1", List.of(COHORT));
  private static final Actor OTHER_COACH = Actor.coach("coach-2", List.of("cohort-2"));

  private static final LoopDetails DETAILS =
      new LoopDetails(
          "Northwind",
          "Engineering manager",
          "senior",
          "2027-01-31",
          List.of(
              new Interview("Phone screen", List.of("ownership", "dive-deep"), List.of()),
              new Interview(
                  "Onsite 1",
                  List.of("earn-trust"),
                  List.of("Tell me about a time you disagreed with your manager"))));

  private final Map<String, Optional<String>> cohorts =
      new java.util.HashMap<>(Map.of(CANDIDATE.userId(), Optional.of(COHORT)));
  private FixtureConfiguration<Loop> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Loop.class);
    fixture.registerInjectableResource(
        (CohortMembership)
            (candidateId, atDraft) -> cohorts.getOrDefault(candidateId, Optional.empty()));
  }

  private static LoopDetails with(Interview... interviews) {
    return new LoopDetails("Northwind", "Engineer", "mid", "2027-01-31", List.of(interviews));
  }

  @Test
  void aCandidatePlansALoopWithTidiedText() {
    LoopDetails untidy =
        new LoopDetails(
            "  Northwind ",
            " Engineer",
            "mid",
            "2027-01-31",
            List.of(new Interview(" Screen ", List.of("ownership", "ownership"), List.of())));
    fixture
        .givenNoPriorActivity()
        .when(new PlanLoop(LOOP, CANDIDATE, untidy))
        .expectEvents(
            new LoopPlanned(
                LOOP,
                CANDIDATE.userId(),
                new LoopDetails(
                    "Northwind",
                    "Engineer",
                    "mid",
                    "2027-01-31",
                    List.of(new Interview("Screen", List.of("ownership"), List.of())))));
  }

  @Test
  void aCoachDoesNotPlanLoops() {
    fixture
        .givenNoPriorActivity()
        .when(new PlanLoop(LOOP, COACH, DETAILS))
        .expectException(LoopActionForbidden.class)
        .expectNoEvents();
  }

  @Test
  void everyRuleNamesItsField() {
    Interview screen = new Interview("Screen", List.of("ownership"), List.of());
    Map<String, LoopDetails> broken = new java.util.LinkedHashMap<>();
    broken.put("company", new LoopDetails(" ", "Engineer", "mid", "2027-01-31", List.of(screen)));
    broken.put(
        "company#too long",
        new LoopDetails("x".repeat(121), "Engineer", "mid", "2027-01-31", List.of(screen)));
    broken.put("role", new LoopDetails("Northwind", null, "mid", "2027-01-31", List.of(screen)));
    broken.put(
        "level",
        new LoopDetails("Northwind", "Engineer", "principal", "2027-01-31", List.of(screen)));
    broken.put(
        "date", new LoopDetails("Northwind", "Engineer", "mid", "31/01/2027", List.of(screen)));
    broken.put(
        "interviews", new LoopDetails("Northwind", "Engineer", "mid", "2027-01-31", List.of()));
    broken.put(
        "interviews[0].principles[1]",
        with(new Interview("Screen", List.of("ownership", "grit"), List.of())));
    broken.put("interviews[0].principles", with(new Interview("Screen", List.of(), List.of())));
    broken.put("interviews[0].name", with(new Interview(" ", List.of("ownership"), List.of())));
    broken.put(
        "interviews[0].questions[0]",
        with(new Interview("Screen", List.of(), List.of("q".repeat(501)))));
    broken.put(
        "interviews[1].name", with(screen, new Interview("screen", List.of("ownership"), null)));
    for (Map.Entry<String, LoopDetails> entry : broken.entrySet()) {
      fixture
          .givenNoPriorActivity()
          .when(new PlanLoop(LOOP, CANDIDATE, entry.getValue()))
          .expectException(LoopRuleViolation.class)
          .expectExceptionMessage(Matchers.startsWith(entry.getKey().split("#")[0] + ":"))
          .expectNoEvents();
    }
  }

  @Test
  void aLoopHasAtMostTwelveInterviews() {
    List<Interview> thirteen =
        java.util.stream.IntStream.range(0, 13)
            .mapToObj(i -> new Interview("Round " + i, List.of("ownership"), List.of()))
            .toList();
    fixture
        .givenNoPriorActivity()
        .when(
            new PlanLoop(
                LOOP,
                CANDIDATE,
                new LoopDetails("Northwind", "Engineer", "mid", "2027-01-31", thirteen)))
        .expectException(LoopRuleViolation.class)
        .expectExceptionMessage(Matchers.startsWith("interviews:"));
  }

  @Test
  void theCandidateRevisesTheirLoop() {
    LoopDetails revised = with(new Interview("Screen", List.of("frugality"), List.of()));
    fixture
        .given(new LoopPlanned(LOOP, CANDIDATE.userId(), DETAILS))
        .when(new ReviseLoop(LOOP, CANDIDATE, revised))
        .expectEvents(new LoopRevised(LOOP, CANDIDATE.userId(), revised));
  }

  @Test
  void aRevisionThatChangesNothingRecordsNothing() {
    fixture
        .given(new LoopPlanned(LOOP, CANDIDATE.userId(), DETAILS))
        .when(new ReviseLoop(LOOP, CANDIDATE, DETAILS))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void aRevisionIsCheckedLikeAPlan() {
    fixture
        .given(new LoopPlanned(LOOP, CANDIDATE.userId(), DETAILS))
        .when(
            new ReviseLoop(
                LOOP,
                CANDIDATE,
                new LoopDetails("Northwind", "Engineer", "mid", "soon", List.of())))
        .expectException(LoopRuleViolation.class)
        .expectExceptionMessage(Matchers.startsWith("date:"));
  }

  @Test
  void theCandidatesCoachReadsButDoesNotChangeTheLoop() {
    fixture
        .given(new LoopPlanned(LOOP, CANDIDATE.userId(), DETAILS))
        .when(new ReviseLoop(LOOP, COACH, DETAILS))
        .expectException(LoopActionForbidden.class)
        .expectNoEvents();
    fixture
        .given(new LoopPlanned(LOOP, CANDIDATE.userId(), DETAILS))
        .when(new CancelLoop(LOOP, COACH))
        .expectException(LoopActionForbidden.class);
  }

  @Test
  void anyoneElseIsToldTheLoopDoesNotExist() {
    for (Actor stranger : List.of(OTHER_CANDIDATE, OTHER_COACH)) {
      fixture
          .given(new LoopPlanned(LOOP, CANDIDATE.userId(), DETAILS))
          .when(new ReviseLoop(LOOP, stranger, DETAILS))
          .expectException(LoopNotFound.class)
          .expectNoEvents();
      fixture
          .given(new LoopPlanned(LOOP, CANDIDATE.userId(), DETAILS))
          .when(new RecordLoopUsage(LOOP, stranger, List.of()))
          .expectException(LoopNotFound.class);
    }
  }

  @Test
  void aCoachWhoseCandidateLeftTheCohortIsAStranger() {
    cohorts.put(CANDIDATE.userId(), Optional.empty());
    fixture
        .given(new LoopPlanned(LOOP, CANDIDATE.userId(), DETAILS))
        .when(new CancelLoop(LOOP, COACH))
        .expectException(LoopNotFound.class);
  }

  @Test
  void theCandidateCancelsTheLoopAndItIsGone() {
    fixture
        .given(new LoopPlanned(LOOP, CANDIDATE.userId(), DETAILS))
        .when(new CancelLoop(LOOP, CANDIDATE))
        .expectEvents(new LoopCancelled(LOOP, CANDIDATE.userId()));
    fixture
        .given(
            new LoopPlanned(LOOP, CANDIDATE.userId(), DETAILS),
            new LoopCancelled(LOOP, CANDIDATE.userId()))
        .when(new ReviseLoop(LOOP, CANDIDATE, DETAILS))
        .expectException(LoopNotFound.class);
  }

  @Test
  void theCandidateRecordsWhatTheyToldWhere() {
    List<StoryUse> uses =
        List.of(
            new StoryUse(" Phone screen", "ownership", "story-1"),
            new StoryUse("Onsite 1", null, "story-2"),
            new StoryUse("Onsite 1", null, "story-2"));
    fixture
        .given(new LoopPlanned(LOOP, CANDIDATE.userId(), DETAILS))
        .when(new RecordLoopUsage(LOOP, CANDIDATE, uses))
        .expectEvents(
            new LoopUsageRecorded(
                LOOP,
                CANDIDATE.userId(),
                "Northwind",
                "2027-01-31",
                List.of(
                    new StoryUse("Phone screen", "ownership", "story-1"),
                    new StoryUse("Onsite 1", null, "story-2"))));
  }

  @Test
  void usageNamesAnInterviewOfTheLoopAndAStory() {
    fixture
        .given(new LoopPlanned(LOOP, CANDIDATE.userId(), DETAILS))
        .when(new RecordLoopUsage(LOOP, CANDIDATE, List.of(new StoryUse("Lunch", null, "s"))))
        .expectException(LoopRuleViolation.class)
        .expectExceptionMessage(Matchers.startsWith("uses[0].interview:"));
    fixture
        .given(new LoopPlanned(LOOP, CANDIDATE.userId(), DETAILS))
        .when(
            new RecordLoopUsage(
                LOOP, CANDIDATE, List.of(new StoryUse("Onsite 1", "earn-trust", " "))))
        .expectException(LoopRuleViolation.class)
        .expectExceptionMessage(Matchers.startsWith("uses[0].storyId:"));
    fixture
        .given(new LoopPlanned(LOOP, CANDIDATE.userId(), DETAILS))
        .when(new RecordLoopUsage(LOOP, CANDIDATE, List.of(new StoryUse("Onsite 1", "grit", "s"))))
        .expectException(LoopRuleViolation.class)
        .expectExceptionMessage(Matchers.startsWith("uses[0].principle:"));
  }

  /** The fuzzer's {@code {"uses":[null]}}: the command used to fail on it (a 500), not the rule. */
  @Test
  void aUseThatIsNullIsNamedByTheRule() {
    List<StoryUse> uses = new java.util.ArrayList<>();
    uses.add(new StoryUse("Onsite 1", null, "s"));
    uses.add(null);
    fixture
        .given(new LoopPlanned(LOOP, CANDIDATE.userId(), DETAILS))
        .when(new RecordLoopUsage(LOOP, CANDIDATE, uses))
        .expectException(LoopRuleViolation.class)
        .expectExceptionMessage(Matchers.startsWith("uses[1]:"));
  }
}
