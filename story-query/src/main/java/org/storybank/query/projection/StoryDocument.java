package org.storybank.query.projection;

import java.time.Instant;
import java.util.List;

/**
 * A story as the stories index holds it: its current revision and who may see it. {@code version}
 * is the aggregate sequence number of the last event applied; it is the document's external
 * version.
 */
public record StoryDocument(
    String storyId,
    String authorId,
    String cohortId,
    String title,
    List<String> principles,
    List<IndexedPrompt> prompts,
    String level,
    String situation,
    String task,
    String action,
    String result,
    String status,
    long version,
    int revision,
    Instant createdAt,
    Instant updatedAt) {

  public StoryDocument {
    principles = principles == null ? List.of() : List.copyOf(principles);
    prompts = prompts == null ? List.of() : List.copyOf(prompts);
  }

  public record IndexedPrompt(String promptId, String text, String angle) {}
}
