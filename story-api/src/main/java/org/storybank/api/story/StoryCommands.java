package org.storybank.api.story;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.storybank.api.Level;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.Evaluator;

/** The commands that change an existing story. Each names the story and the actor asking. */
public final class StoryCommands {

  private StoryCommands() {}

  /**
   * Replace title, level and STAR text with a new revision. {@code expectedVersion} is the version
   * the writer saw; a stale one is rejected, never merged. When {@code principles} or {@code
   * prompts} are given, the story is tagged and linked to exactly those, in the same step; null
   * leaves them as they are. Prompts are matched by text, so a kept prompt keeps its id and angle.
   * {@code confidential} replaces the confidential spans; null carries the current ones over to the
   * new text (a span whose text was deleted is dropped).
   */
  public record ReviseStory(
      @TargetAggregateIdentifier String storyId,
      @TargetAggregateVersion Long expectedVersion,
      Actor actor,
      String title,
      Level level,
      StarText star,
      List<String> principles,
      List<String> prompts,
      List<ConfidentialSpan> confidential)
      implements StoryCommand {

    public ReviseStory {
      principles = principles == null ? null : List.copyOf(principles);
      prompts = prompts == null ? null : List.copyOf(prompts);
      confidential = confidential == null ? null : List.copyOf(confidential);
    }

    /** A revision that carries the confidential spans over to the new text. */
    public ReviseStory(
        String storyId,
        Long expectedVersion,
        Actor actor,
        String title,
        Level level,
        StarText star,
        List<String> principles,
        List<String> prompts) {
      this(storyId, expectedVersion, actor, title, level, star, principles, prompts, null);
    }
  }

  /** The candidate considers the story complete: from now on no STAR part may be empty. */
  public record MarkStoryReady(@TargetAggregateIdentifier String storyId, Actor actor)
      implements StoryCommand {}

  public record TagPrinciple(
      @TargetAggregateIdentifier String storyId, Actor actor, String principle)
      implements StoryCommand {}

  public record UntagPrinciple(
      @TargetAggregateIdentifier String storyId, Actor actor, String principle)
      implements StoryCommand {}

  public record LinkPrompt(
      @TargetAggregateIdentifier String storyId, Actor actor, PromptLink prompt)
      implements StoryCommand {}

  public record UnlinkPrompt(
      @TargetAggregateIdentifier String storyId, Actor actor, String promptId)
      implements StoryCommand {}

  public record ArchiveStory(@TargetAggregateIdentifier String storyId, Actor actor)
      implements StoryCommand {}

  public record RestoreStory(@TargetAggregateIdentifier String storyId, Actor actor)
      implements StoryCommand {}

  /** A coach pins a comment to a character range [start, end) of one STAR field. */
  public record AddComment(
      @TargetAggregateIdentifier String storyId,
      Actor actor,
      String commentId,
      String field,
      int start,
      int end,
      String text)
      implements StoryCommand {}

  public record ResolveComment(
      @TargetAggregateIdentifier String storyId, Actor actor, String commentId)
      implements StoryCommand {}

  /** Record the judgement of one revision against the rubric, by the evaluator or by a coach. */
  public record RecordEvaluation(
      @TargetAggregateIdentifier String storyId,
      Actor actor,
      String evaluationId,
      Evaluator evaluator,
      int revision,
      EvaluationResult result)
      implements StoryCommand {}

  /** The candidate's own view of how strong the story is, 1 to 5. */
  public record RateStory(@TargetAggregateIdentifier String storyId, Actor actor, int rating)
      implements StoryCommand {}
}
