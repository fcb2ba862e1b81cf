package org.storybank.api.story;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.storybank.api.Level;

/**
 * Start a new story in a candidate's bank. {@code cohortId} is the cohort the author belongs to
 * when drafting, or null for a candidate outside any cohort.
 */
public record DraftStory(
    @TargetAggregateIdentifier String storyId,
    String authorId,
    String cohortId,
    String title,
    List<String> principles,
    List<String> prompts,
    Level level,
    StarText star)
    implements StoryCommand {

  public DraftStory {
    principles = principles == null ? List.of() : List.copyOf(principles);
    prompts = prompts == null ? List.of() : List.copyOf(prompts);
  }
}
