package org.storybank.api.story;

import java.util.List;
import org.storybank.api.Level;

/** A candidate started a story; this is its first revision. */
public record StoryDrafted(
    String storyId,
    String authorId,
    String cohortId,
    String title,
    List<String> principles,
    List<String> prompts,
    Level level,
    StarText star)
    implements StoryEvent {

  public StoryDrafted {
    principles = principles == null ? List.of() : List.copyOf(principles);
    prompts = prompts == null ? List.of() : List.copyOf(prompts);
  }
}
