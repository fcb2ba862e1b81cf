package org.storybank.command.story;

import static org.storybank.command.story.Stories.AUTHOR;
import static org.storybank.command.story.Stories.COHORT;
import static org.storybank.command.story.Stories.EVALUATOR;
import static org.storybank.command.story.Stories.STAR;
import static org.storybank.command.story.Stories.STORY;

import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storybank.api.Level;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.Evaluator;
import org.storybank.api.evaluation.Verdict;
import org.storybank.api.story.ConfidentialSpan;
import org.storybank.api.story.DraftStory;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryCommands.RecordEvaluation;
import org.storybank.api.story.StoryCommands.ReviseStory;
import org.storybank.api.story.StoryDrafted;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;
import org.storybank.api.story.StoryEvents.StoryRevised;

/** Confidential spans on draft and revise, carried across revisions, and evaluations redacted. */
class ConfidentialSpansTest {

  private static final String SECRET = "a timeout";
  private static final int AT = STAR.action().indexOf(SECRET);
  private static final ConfidentialSpan SPAN =
      new ConfidentialSpan("action", AT, AT + SECRET.length());

  private final FakeMembership membership = new FakeMembership();
  private FixtureConfiguration<Story> fixture;

  @BeforeEach
  void setUp() {
    fixture = Stories.fixture(membership);
  }

  @Test
  void aDraftKeepsItsConfidentialSpans() {
    fixture
        .givenNoPriorActivity()
        .when(draft(STAR, List.of(SPAN)))
        .expectSuccessfulHandlerExecution()
        .expectEvents(drafted(List.of(SPAN)));
  }

  @Test
  void aSpanOnAnUnknownFieldIsRejected() {
    fixture
        .givenNoPriorActivity()
        .when(draft(STAR, List.of(new ConfidentialSpan("title", 0, 3))))
        .expectException(StoryRuleViolation.class)
        .expectExceptionMessage(Matchers.containsString("confidential[0].field"))
        .expectNoEvents();
  }

  @Test
  void aSpanOutsideItsFieldIsRejected() {
    int length = STAR.result().length();
    fixture
        .givenNoPriorActivity()
        .when(draft(STAR, List.of(new ConfidentialSpan("result", 5, length + 1))))
        .expectException(StoryRuleViolation.class)
        .expectExceptionMessage(Matchers.containsString("0 <= start < end <= " + length))
        .expectNoEvents();
  }

  @Test
  void anEmptySpanIsRejected() {
    fixture
        .givenNoPriorActivity()
        .when(draft(STAR, List.of(new ConfidentialSpan("task", 4, 4))))
        .expectException(StoryRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void overlappingSpansAreRejected() {
    fixture
        .givenNoPriorActivity()
        .when(
            draft(
                STAR,
                List.of(SPAN, new ConfidentialSpan("action", SPAN.end() - 2, SPAN.end() + 4))))
        .expectException(StoryRuleViolation.class)
        .expectExceptionMessage(Matchers.containsString("overlaps confidential[0]"))
        .expectNoEvents();
  }

  @Test
  void moreThanTheLimitOfSpansIsRejected() {
    List<ConfidentialSpan> many =
        java.util.stream.IntStream.range(0, 51)
            .mapToObj(i -> new ConfidentialSpan("action", i, i + 1))
            .toList();
    fixture
        .givenNoPriorActivity()
        .when(draft(STAR, many))
        .expectException(StoryRuleViolation.class)
        .expectExceptionMessage(Matchers.containsString("at most 50"))
        .expectNoEvents();
  }

  @Test
  void textAddedBeforeASpanShiftsIt() {
    String prefix = "After a week of alerts, ";
    StarText longer = withAction(prefix + STAR.action());
    ConfidentialSpan shifted =
        new ConfidentialSpan("action", AT + prefix.length(), SPAN.end() + prefix.length());
    fixture
        .given(drafted(List.of(SPAN)))
        .when(revise(longer, null))
        .expectResultMessagePayload(new RevisionOutcome(1L, List.of()))
        .expectEvents(revised(longer, List.of(shifted)));
  }

  @Test
  void textAddedAfterASpanLeavesItWhereItWas() {
    StarText longer = withAction(STAR.action() + " It held.");
    fixture
        .given(drafted(List.of(SPAN)))
        .when(revise(longer, null))
        .expectEvents(revised(longer, List.of(SPAN)));
  }

  @Test
  void anEditAcrossASpanFollowsItsTextToItsNewPlace() {
    String rewritten = "I found " + SECRET + " behind the failures.";
    StarText moved = withAction(rewritten);
    int at = rewritten.indexOf(SECRET);
    fixture
        .given(drafted(List.of(SPAN)))
        .when(revise(moved, null))
        .expectEvents(
            revised(moved, List.of(new ConfidentialSpan("action", at, at + SECRET.length()))));
  }

  @Test
  void aSpanWhoseTextWasDeletedIsDroppedWithAWarning() {
    StarText without = withAction("I traced the failures and proposed a retry budget.");
    fixture
        .given(drafted(List.of(SPAN)))
        .when(revise(without, null))
        .expectResultMessagePayload(
            new RevisionOutcome(
                1L,
                List.of(
                    "the confidential span action "
                        + SPAN.start()
                        + "-"
                        + SPAN.end()
                        + " was dropped: its text is no longer in the action")))
        .expectEvents(revised(without, List.of()));
  }

  @Test
  void spansGivenOnARevisionReplaceTheOldOnes() {
    ConfidentialSpan result = new ConfidentialSpan("result", 0, 15);
    fixture
        .given(drafted(List.of(SPAN)))
        .when(revise(STAR, List.of(result)))
        .expectEvents(revised(STAR, List.of(result)));
  }

  @Test
  void markingASpanWithoutTouchingTheTextIsARevision() {
    fixture
        .given(drafted(List.of()))
        .when(revise(STAR, List.of(SPAN)))
        .expectResultMessagePayload(new RevisionOutcome(1L, List.of()))
        .expectEvents(revised(STAR, List.of(SPAN)));
  }

  @Test
  void theSameTextAndTheSameSpansChangeNothing() {
    fixture.given(drafted(List.of(SPAN))).when(revise(STAR, List.of(SPAN))).expectNoEvents();
  }

  @Test
  void invalidSpansOnARevisionAreRejected() {
    fixture
        .given(drafted(List.of()))
        .when(revise(STAR, List.of(new ConfidentialSpan("action", -1, 3))))
        .expectException(StoryRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void anEvaluationQuotingASpanIsAlsoRecordedRedactedForOthers() {
    EvaluationResult quoting = result("I traced the failures to " + SECRET + ".", SECRET);
    EvaluationResult redacted =
        result("I traced the failures to [confidential].", "[confidential]", 0);
    fixture
        .given(drafted(List.of(SPAN)))
        .when(
            new RecordEvaluation(
                STORY, EVALUATOR, "e1", Evaluator.automatic("evaluation-service"), 1, quoting))
        .expectEvents(
            new EvaluationRecorded(
                STORY,
                EVALUATOR.userId(),
                "e1",
                Evaluator.automatic("evaluation-service"),
                1,
                quoting,
                redacted));
  }

  @Test
  void anEvaluationQuotingNothingConfidentialHasNoRedactedCopy() {
    EvaluationResult plain = result("Nobody owned the payment retries.", "5%");
    fixture
        .given(drafted(List.of(SPAN)))
        .when(
            new RecordEvaluation(
                STORY, EVALUATOR, "e1", Evaluator.automatic("evaluation-service"), 1, plain))
        .expectEvents(
            new EvaluationRecorded(
                STORY,
                EVALUATOR.userId(),
                "e1",
                Evaluator.automatic("evaluation-service"),
                1,
                plain,
                null));
  }

  private static EvaluationResult result(String evidence, String metricText) {
    return result(evidence, metricText, 12);
  }

  private static EvaluationResult result(String evidence, String metricText, double value) {
    return new EvaluationResult(
        "r1",
        70,
        Verdict.MIXED,
        true,
        List.of(new EvaluationResult.CriterionScore("specific-actions", 3, evidence)),
        List.of(new EvaluationResult.PitfallFinding("no-reflection", "no lesson named")),
        List.of(new EvaluationResult.ResultMetric("count", value, metricText)),
        "");
  }

  private static StarText withAction(String action) {
    return new StarText(STAR.situation(), STAR.task(), action, STAR.result());
  }

  private static DraftStory draft(StarText star, List<ConfidentialSpan> spans) {
    return new DraftStory(
        STORY, AUTHOR, COHORT, "Retries", List.of("ownership"), List.of(), Level.MID, star, spans);
  }

  private static StoryDrafted drafted(List<ConfidentialSpan> spans) {
    return new StoryDrafted(
        STORY,
        AUTHOR.userId(),
        COHORT,
        "Retries",
        List.of("ownership"),
        List.of(),
        Level.MID,
        STAR,
        spans);
  }

  private static ReviseStory revise(StarText star, List<ConfidentialSpan> spans) {
    return new ReviseStory(STORY, 0L, AUTHOR, "Retries", Level.MID, star, null, null, spans);
  }

  private static StoryRevised revised(StarText star, List<ConfidentialSpan> spans) {
    return new StoryRevised(STORY, AUTHOR.userId(), 2, "Retries", Level.MID, star, spans);
  }
}
