package org.storybank.api.story;

import java.util.List;
import org.storybank.api.Level;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.Evaluator;

/** What happened to an existing story. Each event names the story and who caused it. */
public final class StoryEvents {

  private StoryEvents() {}

  /**
   * A new revision of the story's content; {@code revision} counts from 1 (the draft). {@code
   * confidential} holds the spans of this revision's text (marking or unmarking a span is a
   * revision too: what others read changed).
   */
  public record StoryRevised(
      String storyId,
      String actorId,
      int revision,
      String title,
      Level level,
      StarText star,
      List<ConfidentialSpan> confidential)
      implements StoryEvent {

    public StoryRevised {
      // revisions stored before confidential spans existed carry none
      confidential = confidential == null ? List.of() : List.copyOf(confidential);
    }

    /** A revision with nothing confidential. */
    public StoryRevised(
        String storyId, String actorId, int revision, String title, Level level, StarText star) {
      this(storyId, actorId, revision, title, level, star, List.of());
    }
  }

  public record StoryMarkedReady(String storyId, String actorId) implements StoryEvent {}

  public record PrincipleTagged(String storyId, String actorId, String principle)
      implements StoryEvent {}

  public record PrincipleUntagged(String storyId, String actorId, String principle)
      implements StoryEvent {}

  public record PromptLinked(String storyId, String actorId, PromptLink prompt)
      implements StoryEvent {}

  public record PromptUnlinked(String storyId, String actorId, String promptId)
      implements StoryEvent {}

  public record StoryArchived(String storyId, String actorId) implements StoryEvent {}

  /**
   * Back from the archive, in the state it was archived in: {@code ready} when it had been marked
   * ready (events stored before this field read as false, a draft).
   */
  public record StoryRestored(String storyId, String actorId, boolean ready)
      implements StoryEvent {}

  public record CommentAdded(
      String storyId,
      String actorId,
      String commentId,
      int revision,
      String field,
      int start,
      int end,
      String text)
      implements StoryEvent {}

  public record CommentResolved(String storyId, String actorId, String commentId)
      implements StoryEvent {}

  /**
   * {@code redacted} is the result as anyone but the author reads it (evidence quoting a
   * confidential span carries the marker), or null when it quotes nothing confidential; the
   * aggregate works it out when recording, so readers without the clear text can show it.
   */
  public record EvaluationRecorded(
      String storyId,
      String actorId,
      String evaluationId,
      Evaluator evaluator,
      int revision,
      EvaluationResult result,
      EvaluationResult redacted)
      implements StoryEvent {

    public EvaluationRecorded(
        String storyId,
        String actorId,
        String evaluationId,
        Evaluator evaluator,
        int revision,
        EvaluationResult result) {
      this(storyId, actorId, evaluationId, evaluator, revision, result, null);
    }

    /** What anyone but the author may read. */
    public EvaluationResult shared() {
      return redacted != null ? redacted : result;
    }
  }

  public record StorySelfRated(String storyId, String actorId, int rating) implements StoryEvent {}
}
