package org.storybank.command.drill;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storybank.api.drill.DrawnPrompt;
import org.storybank.api.drill.DrillCommands.AbandonDrill;
import org.storybank.api.drill.DrillCommands.AnswerDrill;
import org.storybank.api.drill.DrillCommands.DrawDrill;
import org.storybank.api.drill.DrillCommands.RateDrill;
import org.storybank.api.drill.DrillEvents.DrillAbandoned;
import org.storybank.api.drill.DrillEvents.DrillAnswered;
import org.storybank.api.drill.DrillEvents.DrillDrawn;
import org.storybank.api.drill.DrillEvents.DrillRated;
import org.storybank.api.story.Actor;
import org.storybank.command.story.CohortMembership;

class DrillTest {

  private static final String DRILL = "drill-1";
  private static final String COHORT = "cohort-1";
  private static final Actor CANDIDATE = Actor.candidate("candidate-1", List.of(COHORT));
  private static final Actor OTHER_CANDIDATE = Actor.candidate("candidate-2", List.of(COHORT));
  private static final Actor COACH = Actor.coach("coach-1", List.of(COHORT));
  private static final Actor OTHER_COACH = Actor.coach("coach-2", List.of("cohort-2"));
  private static final DrawnPrompt PROMPT =
      new DrawnPrompt(
          "ownership",
          "Tell me about a time you fixed something nobody owned.",
          "mid",
          DrawnPrompt.GAP,
          "no story meets the bar for Ownership");

  private final Map<String, Optional<String>> cohorts =
      new HashMap<>(Map.of(CANDIDATE.userId(), Optional.of(COHORT)));

  /** story id → (author, current revision) */
  private final Map<String, Map.Entry<String, Integer>> stories =
      new HashMap<>(
          Map.of(
              "story-1", Map.entry(CANDIDATE.userId(), 2),
              "story-2", Map.entry(CANDIDATE.userId(), 0),
              "theirs", Map.entry(OTHER_CANDIDATE.userId(), 1)));

  private FixtureConfiguration<Drill> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Drill.class);
    fixture.registerInjectableResource(
        (CohortMembership)
            (candidateId, atDraft) -> cohorts.getOrDefault(candidateId, Optional.empty()));
    fixture.registerInjectableResource(
        (CandidateStories)
            (storyId, candidateId) -> {
              Map.Entry<String, Integer> story = stories.get(storyId);
              return story != null && story.getKey().equals(candidateId)
                  ? OptionalInt.of(story.getValue())
                  : OptionalInt.empty();
            });
  }

  private static DrillDrawn drawn() {
    return new DrillDrawn(DRILL, CANDIDATE.userId(), PROMPT);
  }

  private static DrillAnswered answered() {
    return new DrillAnswered(DRILL, CANDIDATE.userId(), "story-1", 2);
  }

  private static DrillRated rated(int rating) {
    return new DrillRated(DRILL, CANDIDATE.userId(), "ownership", "story-1", 2, rating);
  }

  @Test
  void aCandidateDrawsADrill() {
    fixture
        .givenNoPriorActivity()
        .when(new DrawDrill(DRILL, CANDIDATE, PROMPT))
        .expectSuccessfulHandlerExecution()
        .expectEvents(drawn());
  }

  @Test
  void thePromptIsStrippedWhenDrawn() {
    DrawnPrompt padded =
        new DrawnPrompt("ownership", "  " + PROMPT.prompt() + "\n", "mid", "gap", PROMPT.why());
    fixture
        .givenNoPriorActivity()
        .when(new DrawDrill(DRILL, CANDIDATE, padded))
        .expectEvents(drawn());
  }

  @Test
  void aCoachOrAnAdminCannotDrawADrill() {
    fixture
        .givenNoPriorActivity()
        .when(new DrawDrill(DRILL, COACH, PROMPT))
        .expectException(DrillActionForbidden.class)
        .expectNoEvents();
  }

  @Test
  void aDrawWithAnUnknownPrincipleNamesTheField() {
    fixture
        .givenNoPriorActivity()
        .when(
            new DrawDrill(
                DRILL, CANDIDATE, new DrawnPrompt("patience", "Tell me", "mid", "gap", "")))
        .expectException(DrillRuleViolation.class)
        .expectExceptionMessage(Matchers.containsString("principle"));
  }

  @Test
  void aDrawWithAnUnknownLevelNamesTheField() {
    fixture
        .givenNoPriorActivity()
        .when(
            new DrawDrill(
                DRILL, CANDIDATE, new DrawnPrompt("ownership", "Tell me", "expert", "gap", "")))
        .expectException(DrillRuleViolation.class)
        .expectExceptionMessage(Matchers.containsString("level"));
  }

  @Test
  void aDrawWithABlankPromptOrAnUnknownReasonIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(new DrawDrill(DRILL, CANDIDATE, new DrawnPrompt("ownership", " ", "mid", "gap", "")))
        .expectException(DrillRuleViolation.class)
        .expectExceptionMessage(Matchers.containsString("prompt"));
    fixture
        .givenNoPriorActivity()
        .when(
            new DrawDrill(
                DRILL, CANDIDATE, new DrawnPrompt("ownership", "Tell me", "mid", "luck", "")))
        .expectException(DrillRuleViolation.class)
        .expectExceptionMessage(Matchers.containsString("reason"));
  }

  @Test
  void theCandidateAnswersWithTheirStoryAtItsCurrentRevision() {
    fixture
        .given(drawn())
        .when(new AnswerDrill(DRILL, CANDIDATE, "story-1"))
        .expectEvents(answered());
  }

  @Test
  void answeringAgainWithAnotherStoryReplacesTheChoice() {
    fixture
        .given(drawn(), answered())
        .when(new AnswerDrill(DRILL, CANDIDATE, "story-2"))
        .expectEvents(new DrillAnswered(DRILL, CANDIDATE.userId(), "story-2", 0));
  }

  @Test
  void answeringAgainWithTheSameRevisionChangesNothing() {
    fixture
        .given(drawn(), answered())
        .when(new AnswerDrill(DRILL, CANDIDATE, "story-1"))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void answeringWithSomeoneElsesStoryIsRefusedLikeAnUnknownOne() {
    fixture
        .given(drawn())
        .when(new AnswerDrill(DRILL, CANDIDATE, "theirs"))
        .expectException(DrillRuleViolation.class)
        .expectExceptionMessage(Matchers.containsString("storyId"))
        .expectNoEvents();
    fixture
        .given(drawn())
        .when(new AnswerDrill(DRILL, CANDIDATE, "no-such-story"))
        .expectException(DrillRuleViolation.class)
        .expectExceptionMessage(Matchers.containsString("storyId"));
  }

  @Test
  void answeringWithoutAStoryIdNamesTheField() {
    fixture
        .given(drawn())
        .when(new AnswerDrill(DRILL, CANDIDATE, null))
        .expectException(DrillRuleViolation.class)
        .expectExceptionMessage(Matchers.containsString("storyId"));
  }

  @Test
  void anotherCandidatesDrillDoesNotExistForThem() {
    fixture
        .given(drawn())
        .when(new AnswerDrill(DRILL, OTHER_CANDIDATE, "theirs"))
        .expectException(DrillNotFound.class)
        .expectNoEvents();
  }

  @Test
  void theCandidatesCoachReadsButDoesNotAnswer() {
    fixture
        .given(drawn())
        .when(new AnswerDrill(DRILL, COACH, "story-1"))
        .expectException(DrillActionForbidden.class)
        .expectNoEvents();
  }

  @Test
  void anotherCohortsCoachIsToldTheDrillDoesNotExist() {
    fixture
        .given(drawn(), answered())
        .when(new RateDrill(DRILL, OTHER_COACH, 4))
        .expectException(DrillNotFound.class);
  }

  @Test
  void aRemovedCandidatesFormerCoachIsToldTheDrillDoesNotExist() {
    cohorts.put(CANDIDATE.userId(), Optional.empty());
    fixture
        .given(drawn(), answered())
        .when(new RateDrill(DRILL, COACH, 4))
        .expectException(DrillNotFound.class);
  }

  @Test
  void theCandidateRatesTheirAnswer() {
    fixture
        .given(drawn(), answered())
        .when(new RateDrill(DRILL, CANDIDATE, 4))
        .expectEvents(rated(4));
  }

  @Test
  void aRatingOutsideOneToFiveNamesTheField() {
    for (Integer rating : new Integer[] {0, 6, null}) {
      fixture
          .given(drawn(), answered())
          .when(new RateDrill(DRILL, CANDIDATE, rating))
          .expectException(DrillRuleViolation.class)
          .expectExceptionMessage(Matchers.containsString("rating"))
          .expectNoEvents();
    }
  }

  @Test
  void ratingBeforeAnsweringIsAConflict() {
    fixture
        .given(drawn())
        .when(new RateDrill(DRILL, CANDIDATE, 3))
        .expectException(DrillStateConflict.class)
        .expectNoEvents();
  }

  @Test
  void ratingAgainReplacesTheRatingAndTheSameRatingChangesNothing() {
    fixture
        .given(drawn(), answered(), rated(2))
        .when(new RateDrill(DRILL, CANDIDATE, 5))
        .expectEvents(rated(5));
    fixture
        .given(drawn(), answered(), rated(2))
        .when(new RateDrill(DRILL, CANDIDATE, 2))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void aRatedDrillTakesNoOtherAnswer() {
    fixture
        .given(drawn(), answered(), rated(3))
        .when(new AnswerDrill(DRILL, CANDIDATE, "story-2"))
        .expectException(DrillStateConflict.class);
  }

  @Test
  void theCandidateAbandonsAnOpenDrillOnce() {
    fixture
        .given(drawn())
        .when(new AbandonDrill(DRILL, CANDIDATE))
        .expectEvents(new DrillAbandoned(DRILL, CANDIDATE.userId()));
    fixture
        .given(drawn(), new DrillAbandoned(DRILL, CANDIDATE.userId()))
        .when(new AbandonDrill(DRILL, CANDIDATE))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void anAbandonedDrillIsNeitherAnsweredNorRated() {
    fixture
        .given(drawn(), new DrillAbandoned(DRILL, CANDIDATE.userId()))
        .when(new AnswerDrill(DRILL, CANDIDATE, "story-1"))
        .expectException(DrillStateConflict.class);
    fixture
        .given(drawn(), answered(), new DrillAbandoned(DRILL, CANDIDATE.userId()))
        .when(new RateDrill(DRILL, CANDIDATE, 3))
        .expectException(DrillStateConflict.class);
  }

  @Test
  void aRatedDrillCannotBeAbandoned() {
    fixture
        .given(drawn(), answered(), rated(3))
        .when(new AbandonDrill(DRILL, CANDIDATE))
        .expectException(DrillStateConflict.class);
  }

  @Test
  void theCoachCannotAbandonTheirCandidatesDrill() {
    fixture
        .given(drawn())
        .when(new AbandonDrill(DRILL, COACH))
        .expectException(DrillActionForbidden.class);
  }
}
