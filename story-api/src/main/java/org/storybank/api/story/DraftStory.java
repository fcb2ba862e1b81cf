package org.storybank.api.story;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.storybank.api.Level;

/**
 * Start a new story in the actor's own bank. {@code cohortId} is the cohort the author is enrolled
 * in when drafting, or null for a candidate outside any cohort. {@code confidential} marks ranges
 * of the STAR text only the author may read.
 */
public record DraftStory(
    @TargetAggregateIdentifier String storyId,
    Actor actor,
    String cohortId,
    String title,
    List<String> principles,
    List<PromptLink> prompts,
    Level level,
    StarText star,
    List<ConfidentialSpan> confidential)
    implements StoryCommand {

  public DraftStory {
    principles = principles == null ? List.of() : List.copyOf(principles);
    prompts = prompts == null ? List.of() : List.copyOf(prompts);
    confidential = confidential == null ? List.of() : List.copyOf(confidential);
  }

  /** A draft with nothing confidential. */
  public DraftStory(
      String storyId,
      Actor actor,
      String cohortId,
      String title,
      List<String> principles,
      List<PromptLink> prompts,
      Level level,
      StarText star) {
    this(storyId, actor, cohortId, title, principles, prompts, level, star, List.of());
  }
}
