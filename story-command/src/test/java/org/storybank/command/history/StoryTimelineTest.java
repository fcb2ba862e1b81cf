package org.storybank.command.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.storybank.api.Level;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.Evaluator;
import org.storybank.api.evaluation.Verdict;
import org.storybank.api.story.Actor;
import org.storybank.api.story.PromptLink;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryDrafted;
import org.storybank.api.story.StoryEvents.CommentAdded;
import org.storybank.api.story.StoryEvents.CommentResolved;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;
import org.storybank.api.story.StoryEvents.PrincipleTagged;
import org.storybank.api.story.StoryEvents.StoryArchived;
import org.storybank.api.story.StoryEvents.StoryRevised;
import org.storybank.command.story.StoryNotFound;

class StoryTimelineTest {

  private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
  private static final StarText FIRST =
      new StarText("s", "t", "I fixed the retry loop.", "Errors fell by half.");
  private static final StarText SECOND =
      new StarText(
          "s",
          "t",
          "I fixed the retry loop and added an alarm.",
          "Errors fell from 40 to 3 a day.");

  private final StoryTimeline timeline =
      StoryTimeline.of(
          List.of(
              step(
                  new StoryDrafted(
                      "s-1",
                      "author-1",
                      "cohort-1",
                      "Retries",
                      List.of("ownership"),
                      List.of(new PromptLink("p1", "Tell me about a time", "")),
                      Level.MID,
                      FIRST),
                  0),
              step(
                  new EvaluationRecorded(
                      "s-1", "svc", "e1", Evaluator.automatic("svc"), 1, result(55)),
                  1),
              step(
                  new StoryRevised("s-1", "author-1", 2, "Retries, owned", Level.SENIOR, SECOND),
                  2),
              step(new PrincipleTagged("s-1", "author-1", "dive-deep"), 3),
              step(new CommentAdded("s-1", "coach-1", "c1", 2, "action", 0, 5, "Say why"), 4),
              step(new CommentResolved("s-1", "author-1", "c1"), 5),
              step(
                  new EvaluationRecorded(
                      "s-1", "coach-1", "e2", Evaluator.coach("coach-1"), 2, result(80)),
                  6),
              step(new StoryArchived("s-1", "author-1"), 7)));

  @Test
  void theCurrentStateFoldsEveryEvent() {
    StoryState now = timeline.current();
    assertThat(now.version()).isEqualTo(7);
    assertThat(now.revision()).isEqualTo(2);
    assertThat(now.status()).isEqualTo("archived");
    assertThat(now.title()).isEqualTo("Retries, owned");
    assertThat(now.level()).isEqualTo("senior");
    assertThat(now.principles()).containsExactly("ownership", "dive-deep");
    assertThat(now.comments())
        .singleElement()
        .satisfies(comment -> assertThat(comment.resolved()).isTrue());
    assertThat(now.latestEvaluations().get("automatic").result().score()).isEqualTo(55);
    assertThat(now.latestEvaluations().get("coach").result().score()).isEqualTo(80);
    assertThat(now.createdAt()).isEqualTo(T0);
    assertThat(now.updatedAt()).isEqualTo(T0.plusSeconds(7));
  }

  @Test
  void anEarlierRevisionReadsAsItWas() {
    StoryState first = timeline.atRevision(1).orElseThrow();
    assertThat(first.title()).isEqualTo("Retries");
    assertThat(first.action()).isEqualTo("I fixed the retry loop.");
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.principles()).containsExactly("ownership");
    assertThat(timeline.atRevision(3)).isEmpty();
    assertThat(timeline.atRevision(0)).isEmpty();
  }

  @Test
  void theHistoryNamesEveryStepWithWhoWhenAndRevision() {
    List<HistoryEntry> history = timeline.history();
    assertThat(history)
        .extracting(HistoryEntry::type)
        .containsExactly(
            "StoryDrafted",
            "EvaluationRecorded",
            "StoryRevised",
            "PrincipleTagged",
            "CommentAdded",
            "CommentResolved",
            "EvaluationRecorded",
            "StoryArchived");
    assertThat(history)
        .extracting(HistoryEntry::actorId)
        .containsExactly(
            "author-1",
            "svc",
            "author-1",
            "author-1",
            "coach-1",
            "author-1",
            "coach-1",
            "author-1");
    assertThat(history).extracting(HistoryEntry::revision).containsExactly(1, 1, 2, 2, 2, 2, 2, 2);
    assertThat(history.get(2).at()).isEqualTo(T0.plusSeconds(2));
    assertThat(timeline.evaluations()).extracting(EvaluationEntry::revision).containsExactly(1, 2);
  }

  @Test
  void theDiffNamesTheWordsThatChangedPerField() {
    List<RevisionDiff.FieldDiff> diff =
        RevisionDiff.between(
            timeline.atRevision(1).orElseThrow(), timeline.atRevision(2).orElseThrow());
    assertThat(diff)
        .extracting(RevisionDiff.FieldDiff::field)
        .containsExactly("title", "level", "action", "result");
    RevisionDiff.FieldDiff action =
        diff.stream().filter(d -> d.field().equals("action")).findFirst().orElseThrow();
    assertThat(action.changes())
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.type()).isEqualTo("change");
              assertThat(change.before()).isEqualTo("loop.");
              assertThat(change.after()).isEqualTo("loop and added an alarm.");
            });
  }

  @Test
  void readersOutsideTheStorySeeNothing() {
    var access = timeline.access((candidate, atDraft) -> Optional.ofNullable(atDraft));
    assertThatThrownBy(
            () -> access.requireVisible(Actor.candidate("author-2", List.of("cohort-1"))))
        .isInstanceOf(StoryNotFound.class);
    access.requireVisible(Actor.coach("coach-1", List.of("cohort-1")));
    var afterRemoval = timeline.access((candidate, atDraft) -> Optional.empty());
    assertThatThrownBy(
            () -> afterRemoval.requireVisible(Actor.coach("coach-1", List.of("cohort-1"))))
        .isInstanceOf(StoryNotFound.class);
  }

  @Test
  void theRedactedTimelineHidesEverySpanInEveryRevisionHistoryDiffAndEvaluation() {
    StarText first = new StarText("s", "t", "I fixed Acme's retry loop.", "r");
    StarText second = new StarText("s", "t", "Then I fixed Acme's retry loop.", "r");
    int at = first.action().indexOf("Acme");
    EvaluationResult clear =
        new EvaluationResult(
            "r",
            60,
            Verdict.MIXED,
            false,
            List.of(new EvaluationResult.CriterionScore("c", 2, "I fixed Acme's retry loop.")),
            List.of(),
            List.of(),
            "");
    EvaluationResult shared =
        new EvaluationResult(
            "r",
            60,
            Verdict.MIXED,
            false,
            List.of(
                new EvaluationResult.CriterionScore(
                    "c", 2, "I fixed [confidential]'s retry loop.")),
            List.of(),
            List.of(),
            "");
    StoryTimeline secret =
        StoryTimeline.of(
            List.of(
                step(
                    new StoryDrafted(
                        "s-1",
                        "author-1",
                        "cohort-1",
                        "Retries",
                        List.of(),
                        List.of(),
                        Level.MID,
                        first,
                        List.of(
                            new org.storybank.api.story.ConfidentialSpan("action", at, at + 4))),
                    0),
                step(
                    new EvaluationRecorded(
                        "s-1", "svc", "e1", Evaluator.automatic("svc"), 1, clear, shared),
                    1),
                step(
                    new StoryRevised(
                        "s-1",
                        "author-1",
                        2,
                        "Retries",
                        Level.MID,
                        second,
                        List.of(
                            new org.storybank.api.story.ConfidentialSpan(
                                "action", at + 5, at + 9))),
                    2)));

    assertThat(secret.current().action()).isEqualTo("Then I fixed Acme's retry loop.");
    assertThat(secret.current().confidential()).hasSize(1);
    StoryTimeline redacted = secret.redacted();
    assertThat(redacted.current().action()).isEqualTo("Then I fixed [confidential]'s retry loop.");
    assertThat(redacted.current().confidential()).isEmpty();
    assertThat(redacted.atRevision(1).orElseThrow().action())
        .isEqualTo("I fixed [confidential]'s retry loop.");
    assertThat(redacted.evaluations().get(0).result()).isEqualTo(shared);
    assertThat(redacted.history().toString()).doesNotContain("Acme");
    assertThat(
            RevisionDiff.between(
                    redacted.atRevision(1).orElseThrow(), redacted.atRevision(2).orElseThrow())
                .toString())
        .doesNotContain("Acme");
  }

  @Test
  void aCommentsRangePointsIntoTheTextItsReaderSees() {
    StarText star = new StarText("s", "t", "I called Acme Bank and fixed the loop.", "r");
    int at = star.action().indexOf("Acme Bank");
    int loop = star.action().indexOf("the loop");
    StoryTimeline withComment =
        StoryTimeline.of(
            List.of(
                step(
                    new StoryDrafted(
                        "s-1",
                        "author-1",
                        "cohort-1",
                        "Retries",
                        List.of(),
                        List.of(),
                        Level.MID,
                        star,
                        List.of(
                            new org.storybank.api.story.ConfidentialSpan(
                                "action", at, at + "Acme Bank".length()))),
                    0),
                step(
                    new CommentAdded(
                        "s-1", "coach-1", "c1", 1, "action", loop, loop + 8, "which loop?"),
                    1)));

    StoryState.Comment clear = withComment.current().comments().get(0);
    assertThat(star.action().substring(clear.start(), clear.end())).isEqualTo("the loop");
    StoryState redacted = withComment.redacted().current();
    StoryState.Comment seen = redacted.comments().get(0);
    assertThat(redacted.action().substring(seen.start(), seen.end())).isEqualTo("the loop");
  }

  private static StoryTimeline.Step step(org.storybank.api.story.StoryEvent event, long sequence) {
    return new StoryTimeline.Step(event, sequence, T0.plusSeconds(sequence));
  }

  private static EvaluationResult result(int score) {
    return new EvaluationResult(
        "r", score, Verdict.MIXED, false, List.of(), List.of(), List.of(), "");
  }
}
