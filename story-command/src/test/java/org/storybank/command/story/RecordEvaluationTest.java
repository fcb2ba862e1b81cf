package org.storybank.command.story;

import static org.storybank.command.story.Stories.AUTHOR;
import static org.storybank.command.story.Stories.COACH;
import static org.storybank.command.story.Stories.EVALUATOR;
import static org.storybank.command.story.Stories.OTHER_COACH;
import static org.storybank.command.story.Stories.STAR;
import static org.storybank.command.story.Stories.STORY;
import static org.storybank.command.story.Stories.drafted;
import static org.storybank.command.story.Stories.result;

import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storybank.api.Level;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.Evaluator;
import org.storybank.api.evaluation.Verdict;
import org.storybank.api.story.StoryCommands.RecordEvaluation;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;
import org.storybank.api.story.StoryEvents.StoryRevised;

class RecordEvaluationTest {

  private static final Evaluator AUTOMATIC = Evaluator.automatic(EVALUATOR.userId());

  private final FakeMembership membership = new FakeMembership();
  private FixtureConfiguration<Story> fixture;

  @BeforeEach
  void setUp() {
    fixture = Stories.fixture(membership);
  }

  @Test
  void theEvaluatorRecordsItsJudgementOfARevision() {
    fixture
        .given(drafted())
        .when(new RecordEvaluation(STORY, EVALUATOR, "e1", AUTOMATIC, 1, result("2026.11-a")))
        .expectEvents(
            new EvaluationRecorded(
                STORY, EVALUATOR.userId(), "e1", AUTOMATIC, 1, result("2026.11-a")));
  }

  @Test
  void theSameRevisionIsJudgedAutomaticallyOncePerRubricVersion() {
    fixture
        .given(
            drafted(),
            new EvaluationRecorded(
                STORY, EVALUATOR.userId(), "e1", AUTOMATIC, 1, result("2026.11-a")))
        .when(new RecordEvaluation(STORY, EVALUATOR, "e2", AUTOMATIC, 1, result("2026.11-a")))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void aNewRubricVersionJudgesTheRevisionAgain() {
    fixture
        .given(
            drafted(),
            new EvaluationRecorded(
                STORY, EVALUATOR.userId(), "e1", AUTOMATIC, 1, result("2026.11-a")))
        .when(new RecordEvaluation(STORY, EVALUATOR, "e2", AUTOMATIC, 1, result("2026.12-b")))
        .expectEvents(
            new EvaluationRecorded(
                STORY, EVALUATOR.userId(), "e2", AUTOMATIC, 1, result("2026.12-b")));
  }

  @Test
  void aRevisionThatDoesNotExistCannotBeEvaluated() {
    fixture
        .given(drafted())
        .when(new RecordEvaluation(STORY, EVALUATOR, "e1", AUTOMATIC, 2, result("r")))
        .expectException(StoryRuleViolation.class)
        .expectExceptionMessage(Matchers.startsWith("revision:"))
        .expectNoEvents();
  }

  @Test
  void anOlderRevisionCanStillBeEvaluated() {
    fixture
        .given(drafted(), new StoryRevised(STORY, AUTHOR.userId(), 2, "Second", Level.MID, STAR))
        .when(
            new RecordEvaluation(
                STORY, COACH, "e1", Evaluator.coach(COACH.userId()), 1, result("r")))
        .expectEvents(
            new EvaluationRecorded(
                STORY, COACH.userId(), "e1", Evaluator.coach(COACH.userId()), 1, result("r")));
  }

  @Test
  void aCoachOutsideTheAuthorsCohortsCannotEvaluate() {
    fixture
        .given(drafted())
        .when(
            new RecordEvaluation(
                STORY, OTHER_COACH, "e1", Evaluator.coach(OTHER_COACH.userId()), 1, result("r")))
        .expectException(StoryNotFound.class)
        .expectNoEvents();
  }

  @Test
  void aCoachLosesTheStoriesOfACandidateRemovedFromTheirCohort() {
    membership.removeFromCohort(AUTHOR.userId());
    fixture
        .given(drafted())
        .when(
            new RecordEvaluation(
                STORY, COACH, "e1", Evaluator.coach(COACH.userId()), 1, result("r")))
        .expectException(StoryNotFound.class)
        .expectNoEvents();
  }

  @Test
  void aCoachEvaluatesInTheirOwnNameOnly() {
    fixture
        .given(drafted())
        .when(new RecordEvaluation(STORY, COACH, "e1", Evaluator.coach("coach-9"), 1, result("r")))
        .expectException(StoryActionForbidden.class)
        .expectNoEvents();
  }

  @Test
  void aCoachCannotPassOffTheirJudgementAsAutomatic() {
    fixture
        .given(drafted())
        .when(new RecordEvaluation(STORY, COACH, "e1", AUTOMATIC, 1, result("r")))
        .expectException(StoryActionForbidden.class)
        .expectNoEvents();
  }

  @Test
  void theAuthorDoesNotEvaluateTheirOwnStory() {
    fixture
        .given(drafted())
        .when(
            new RecordEvaluation(
                STORY, AUTHOR, "e1", Evaluator.coach(AUTHOR.userId()), 1, result("r")))
        .expectException(StoryActionForbidden.class)
        .expectNoEvents();
  }

  @Test
  void criterionScoresAreOneToFour() {
    EvaluationResult outOfRange =
        new EvaluationResult(
            "r",
            50,
            Verdict.MIXED,
            false,
            List.of(new EvaluationResult.CriterionScore("beyond-scope", 5, "")),
            List.of(),
            List.of(),
            "");
    fixture
        .given(drafted())
        .when(new RecordEvaluation(STORY, EVALUATOR, "e1", AUTOMATIC, 1, outOfRange))
        .expectException(StoryRuleViolation.class)
        .expectExceptionMessage(Matchers.startsWith("criteria.score:"))
        .expectNoEvents();
  }

  @Test
  void theOverallScoreIsZeroToHundred() {
    EvaluationResult tooHigh =
        new EvaluationResult("r", 101, Verdict.STRONG, true, List.of(), List.of(), List.of(), "");
    fixture
        .given(drafted())
        .when(new RecordEvaluation(STORY, EVALUATOR, "e1", AUTOMATIC, 1, tooHigh))
        .expectException(StoryRuleViolation.class)
        .expectExceptionMessage(Matchers.startsWith("score:"))
        .expectNoEvents();
  }

  @Test
  void anEvaluationNeedsAVerdict() {
    EvaluationResult noVerdict =
        new EvaluationResult("r", 50, null, false, List.of(), List.of(), List.of(), "");
    fixture
        .given(drafted())
        .when(new RecordEvaluation(STORY, EVALUATOR, "e1", AUTOMATIC, 1, noVerdict))
        .expectException(StoryRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void aCoachScoresOnlyCriteriaOfTheStorysPrinciples() {
    for (String criterion : List.of("no-such-criterion", "root-cause")) {
      fixture
          .given(drafted())
          .when(
              new RecordEvaluation(
                  STORY,
                  COACH,
                  "e1",
                  Evaluator.coach(COACH.userId()),
                  1,
                  coachResult(criterion, "no-reflection")))
          .expectException(StoryRuleViolation.class)
          .expectExceptionMessage(
              Matchers.allOf(
                  Matchers.startsWith("criteria.id:"), Matchers.containsString(criterion)))
          .expectNoEvents();
    }
  }

  @Test
  void aCoachNamesOnlyPitfallsOfTheRubric() {
    fixture
        .given(drafted())
        .when(
            new RecordEvaluation(
                STORY,
                COACH,
                "e1",
                Evaluator.coach(COACH.userId()),
                1,
                coachResult("owns-the-outcome", "laziness")))
        .expectException(StoryRuleViolation.class)
        .expectExceptionMessage(
            Matchers.allOf(
                Matchers.startsWith("pitfalls.id:"), Matchers.containsString("laziness")))
        .expectNoEvents();
  }

  @Test
  void aPitfallTheStorysPrincipleAddsIsTheRubrics() {
    EvaluationResult result = coachResult("follow-through", "blames-others");
    fixture
        .given(drafted())
        .when(new RecordEvaluation(STORY, COACH, "e1", Evaluator.coach(COACH.userId()), 1, result))
        .expectEvents(
            new EvaluationRecorded(
                STORY, COACH.userId(), "e1", Evaluator.coach(COACH.userId()), 1, result));
  }

  private static EvaluationResult coachResult(String criterion, String pitfall) {
    return new EvaluationResult(
        "coach",
        60,
        Verdict.MIXED,
        false,
        List.of(new EvaluationResult.CriterionScore(criterion, 3, "")),
        List.of(new EvaluationResult.PitfallFinding(pitfall, "")),
        List.of(),
        "");
  }
}
