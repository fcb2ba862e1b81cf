package org.storybank.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.storybank.api.Level;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.Evaluator;
import org.storybank.api.evaluation.Verdict;
import org.storybank.api.story.ConfidentialSpan;
import org.storybank.api.story.PromptLink;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryDrafted;
import org.storybank.api.story.StoryEvent;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;
import org.storybank.api.story.StoryEvents.PrincipleTagged;
import org.storybank.api.story.StoryEvents.PrincipleUntagged;
import org.storybank.api.story.StoryEvents.PromptLinked;
import org.storybank.api.story.StoryEvents.PromptUnlinked;
import org.storybank.api.story.StoryEvents.StoryArchived;
import org.storybank.api.story.StoryEvents.StoryRestored;
import org.storybank.api.story.StoryEvents.StoryRevised;
import org.storybank.query.projection.StoryProjection.Outcome;

class StoryProjectionTest {

  private static final Instant AT = Instant.parse("2026-11-25T10:15:30Z");
  private static final StoryDrafted DRAFTED =
      new StoryDrafted(
          "story-7",
          "author-1",
          "cohort-2",
          "Pager storms",
          List.of("ownership", "dive-deep"),
          List.of(new PromptLink("p1", "Tell me about a time you owned an outage", "")),
          Level.SENIOR,
          new StarText(
              "Pages every night.",
              "Nobody owned alerting.",
              "I rewrote the rules.",
              "Pages fell by 80%."));

  private final StoryProjection projection = new StoryProjection();

  @Test
  void aDraftedStoryBecomesItsFirstRevisionAtTheEventsSequenceNumber() {
    StoryDocument document = written(projection.apply(Optional.empty(), DRAFTED, envelope(0)));

    assertThat(document.storyId()).isEqualTo("story-7");
    assertThat(document.authorId()).isEqualTo("author-1");
    assertThat(document.cohortId()).isEqualTo("cohort-2");
    assertThat(document.level()).isEqualTo("senior");
    assertThat(document.principles()).containsExactly("ownership", "dive-deep");
    assertThat(document.prompts())
        .extracting(StoryDocument.IndexedPrompt::text)
        .containsExactly("Tell me about a time you owned an outage");
    assertThat(document.action()).isEqualTo("I rewrote the rules.");
    assertThat(document.version()).isZero();
    assertThat(document.revision()).isEqualTo(1);
    assertThat(document.status()).isEqualTo("draft");
    assertThat(document.createdAt()).isEqualTo(AT);
  }

  @Test
  void aRevisionReplacesTheTextAndCountsUp() {
    StoryDocument drafted = written(projection.apply(Optional.empty(), DRAFTED, envelope(0)));
    StarText better = new StarText("s2", "t2", "a2", "r2");
    StoryDocument revised =
        written(
            projection.apply(
                Optional.of(drafted),
                new StoryRevised(
                    "story-7", "author-1", 2, "Pager storms, tamed", Level.STAFF, better),
                envelope(1)));

    assertThat(revised.title()).isEqualTo("Pager storms, tamed");
    assertThat(revised.level()).isEqualTo("staff");
    assertThat(revised.action()).isEqualTo("a2");
    assertThat(revised.revision()).isEqualTo(2);
    assertThat(revised.version()).isEqualTo(1);
    assertThat(revised.principles()).isEqualTo(drafted.principles());
    assertThat(revised.createdAt()).isEqualTo(drafted.createdAt());
  }

  @Test
  void theIndexHoldsOnlyTheRedactedTextOfADraftAndOfARevision() {
    StarText clear =
        new StarText("Pages every night at Initech.", "t", "I rewrote the rules.", "r");
    StoryDrafted secret =
        new StoryDrafted(
            "story-8",
            "author-1",
            "cohort-2",
            "Pager storms",
            List.of(),
            List.of(),
            Level.MID,
            clear,
            List.of(new ConfidentialSpan("situation", 21, 28)));
    StoryDocument drafted = written(projection.apply(Optional.empty(), secret, envelope(0)));
    assertThat(drafted.situation()).isEqualTo("Pages every night at [confidential].");
    assertThat(drafted.starTerms()).doesNotContainIgnoringCase("initech");

    StarText revisedText = new StarText("At Initech, pages every night.", "t", "a", "r");
    StoryDocument revised =
        written(
            projection.apply(
                Optional.of(drafted),
                new StoryRevised(
                    "story-8",
                    "author-1",
                    2,
                    "Pager storms",
                    Level.MID,
                    revisedText,
                    List.of(new ConfidentialSpan("situation", 3, 10))),
                envelope(1)));
    assertThat(revised.situation()).isEqualTo("At [confidential], pages every night.");
  }

  @Test
  void aFigureInsideASpanIsIndexedAsTheRedactedCopyRecordedForOthers() {
    StoryDocument drafted = written(projection.apply(Optional.empty(), DRAFTED, envelope(0)));
    EvaluationResult clear =
        new EvaluationResult(
            "r",
            70,
            Verdict.MIXED,
            true,
            List.of(),
            List.of(),
            List.of(new EvaluationResult.ResultMetric("money", 2_400_000, "$2.4M")),
            "");
    EvaluationResult shared =
        new EvaluationResult(
            "r",
            70,
            Verdict.MIXED,
            true,
            List.of(),
            List.of(),
            List.of(new EvaluationResult.ResultMetric("money", 0, "[confidential]")),
            "");
    StoryDocument evaluated =
        written(
            projection.apply(
                Optional.of(drafted),
                new EvaluationRecorded(
                    "story-7", "svc", "e1", Evaluator.automatic("svc"), 1, clear, shared),
                envelope(1)));
    assertThat(evaluated.metrics()).extracting(Assessment.Metric::value).containsExactly(0.0);
    assertThat(evaluated.hasQuantifiedResult()).isTrue();
  }

  @Test
  void tagsPromptsAndStatusFollowTheirEvents() {
    StoryDocument doc = written(projection.apply(Optional.empty(), DRAFTED, envelope(0)));
    doc = next(doc, new PrincipleTagged("story-7", "author-1", "earn-trust"), 1);
    doc = next(doc, new PrincipleUntagged("story-7", "author-1", "dive-deep"), 2);
    doc =
        next(
            doc,
            new PromptLinked(
                "story-7",
                "author-1",
                new PromptLink("p2", "Describe a time you disagreed", "pushed back")),
            3);
    doc = next(doc, new PromptUnlinked("story-7", "author-1", "p1"), 4);
    doc = next(doc, new StoryArchived("story-7", "author-1"), 5);

    assertThat(doc.principles()).containsExactly("ownership", "earn-trust");
    assertThat(doc.prompts())
        .containsExactly(
            new StoryDocument.IndexedPrompt("p2", "Describe a time you disagreed", "pushed back"));
    assertThat(doc.status()).isEqualTo("archived");
    assertThat(doc.version()).isEqualTo(5);

    doc = next(doc, new StoryRestored("story-7", "author-1", false), 6);
    assertThat(doc.status()).isEqualTo("draft");

    doc = next(doc, new StoryArchived("story-7", "author-1"), 7);
    doc = next(doc, new StoryRestored("story-7", "author-1", true), 8);
    assertThat(doc.status()).as("a story archived when ready comes back ready").isEqualTo("ready");
  }

  @Test
  void anEventAtOrBelowTheDocumentsVersionChangesNothing() {
    StoryDocument doc = written(projection.apply(Optional.empty(), DRAFTED, envelope(0)));
    doc = next(doc, new PrincipleTagged("story-7", "author-1", "earn-trust"), 1);

    assertThat(
            projection.apply(
                Optional.of(doc),
                new PrincipleTagged("story-7", "author-1", "earn-trust"),
                envelope(1)))
        .isInstanceOf(Outcome.AlreadyApplied.class);
    assertThat(projection.apply(Optional.of(doc), DRAFTED, envelope(0)))
        .isInstanceOf(Outcome.AlreadyApplied.class);
  }

  @Test
  void anEventForAStoryTheIndexNeverSawIsReportedNotInvented() {
    assertThat(
            projection.apply(
                Optional.empty(), new StoryArchived("story-9", "author-1"), envelope(3)))
        .isInstanceOf(Outcome.MissingStory.class);
  }

  @Test
  void theLatestAutomaticAndCoachEvaluationsAreKeptAndTheCoachsCountsForItsRevision() {
    StoryDocument doc = written(projection.apply(Optional.empty(), DRAFTED, envelope(0)));
    doc = next(doc, evaluated("e1", Evaluator.automatic("svc"), 1, 48, Verdict.MIXED), 1);

    assertThat(doc.score()).isEqualTo(48);
    assertThat(doc.verdict()).isEqualTo("mixed");
    assertThat(doc.pitfalls()).containsExactly("no-reflection");
    assertThat(doc.hasQuantifiedResult()).isTrue();
    assertThat(doc.updatedAt()).as("an evaluation is not an edit").isEqualTo(AT);

    doc = next(doc, evaluated("e2", Evaluator.coach("coach-1"), 1, 81, Verdict.STRONG), 2);
    assertThat(doc.score()).as("the coach judged the same revision").isEqualTo(81);
    assertThat(doc.latestAutomatic().evaluationId()).isEqualTo("e1");
    assertThat(doc.metrics()).as("figures come from the automatic reading").hasSize(1);

    doc =
        next(
            doc,
            new StoryRevised(
                "story-7", "author-1", 2, "Pager storms", Level.SENIOR, DRAFTED.star()),
            3);
    doc = next(doc, evaluated("e3", Evaluator.automatic("svc"), 2, 55, Verdict.MIXED), 4);
    assertThat(doc.score()).as("a newer revision was judged automatically").isEqualTo(55);
    assertThat(doc.latestCoach().evaluationId()).isEqualTo("e2");
  }

  @Test
  void commentsMoveTheVersionSoTheirReplaysAreRecognised() {
    StoryDocument doc = written(projection.apply(Optional.empty(), DRAFTED, envelope(0)));
    StoryEvent comment =
        new org.storybank.api.story.StoryEvents.CommentAdded(
            "story-7", "coach-1", "c1", 1, "action", 0, 4, "Which rules?");
    doc = next(doc, comment, 1);

    assertThat(doc.version()).isEqualTo(1);
    assertThat(projection.apply(Optional.of(doc), comment, envelope(1)))
        .isInstanceOf(Outcome.AlreadyApplied.class);
  }

  @Test
  void theSearchTermsAreTheAnalysedText() {
    StoryDocument doc = written(projection.apply(Optional.empty(), DRAFTED, envelope(0)));

    assertThat(doc.titleTerms()).as("a pager storm is an incident").isEqualTo("incid storm");
    assertThat(doc.starTerms()).contains("rewrot", "rule").doesNotContain("the ");
    assertThat(doc.promptTerms()).contains("incid");
  }

  private static EvaluationRecorded evaluated(
      String id, Evaluator evaluator, int revision, int score, Verdict verdict) {
    return new EvaluationRecorded(
        "story-7",
        evaluator.id(),
        id,
        evaluator,
        revision,
        new EvaluationResult(
            "2026.11-test",
            score,
            verdict,
            score >= 60,
            List.of(new EvaluationResult.CriterionScore("owns-the-outcome", 3, "")),
            List.of(new EvaluationResult.PitfallFinding("no-reflection", "")),
            evaluator.kind() == Evaluator.Kind.AUTOMATIC
                ? List.of(new EvaluationResult.ResultMetric("percent", 80, "80%"))
                : List.of(),
            ""));
  }

  private StoryDocument next(StoryDocument doc, StoryEvent event, long sequence) {
    return written(projection.apply(Optional.of(doc), event, envelope(sequence)));
  }

  private static StoryDocument written(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Write.class);
    return ((Outcome.Write) outcome).document();
  }

  private static EventEnvelope envelope(long sequence) {
    return new EventEnvelope("event-" + sequence, "story-7", sequence, AT.plusSeconds(sequence));
  }
}
