package org.storybank.api.story;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.storybank.api.Level;

/**
 * A candidate started a story; this is its first revision. Revision 2 of this event links prompts
 * with an id and an angle; revision 1 carried the prompts as plain text (see the upcaster).
 */
@Revision("2")
public record StoryDrafted(
    String storyId,
    String authorId,
    String cohortId,
    String title,
    List<String> principles,
    List<PromptLink> prompts,
    Level level,
    StarText star,
    List<ConfidentialSpan> confidential)
    implements StoryEvent {

  public StoryDrafted {
    principles = principles == null ? List.of() : List.copyOf(principles);
    prompts = prompts == null ? List.of() : List.copyOf(prompts);
    // drafts stored before confidential spans existed carry none
    confidential = confidential == null ? List.of() : List.copyOf(confidential);
  }

  /** A draft with nothing confidential. */
  public StoryDrafted(
      String storyId,
      String authorId,
      String cohortId,
      String title,
      List<String> principles,
      List<PromptLink> prompts,
      Level level,
      StarText star) {
    this(storyId, authorId, cohortId, title, principles, prompts, level, star, List.of());
  }
}
