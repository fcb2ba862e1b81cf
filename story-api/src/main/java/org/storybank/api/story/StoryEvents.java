package org.storybank.api.story;

import org.storybank.api.Level;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.Evaluator;

/** What happened to an existing story. Each event names the story and who caused it. */
public final class StoryEvents {

  private StoryEvents() {}

  /** A new revision of the story's content; {@code revision} counts from 1 (the draft). */
  public record StoryRevised(
      String storyId, String actorId, int revision, String title, Level level, StarText star)
      implements StoryEvent {}

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

  public record EvaluationRecorded(
      String storyId,
      String actorId,
      String evaluationId,
      Evaluator evaluator,
      int revision,
      EvaluationResult result)
      implements StoryEvent {}

  public record StorySelfRated(String storyId, String actorId, int rating) implements StoryEvent {}
}
