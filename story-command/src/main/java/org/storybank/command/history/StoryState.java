package org.storybank.command.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.storybank.api.story.ConfidentialSpan;
import org.storybank.api.story.PromptLink;

/** A story as it stood at one point of its history: what {@code GET /api/stories/{id}} answers. */
public record StoryState(
    String id,
    String authorId,
    String cohortId,
    long version,
    int revision,
    String status,
    String title,
    String level,
    String situation,
    String task,
    String action,
    String result,
    List<String> principles,
    List<PromptLink> prompts,
    List<Comment> comments,
    Integer selfRating,
    Map<String, EvaluationEntry> latestEvaluations,
    Instant createdAt,
    Instant updatedAt,
    List<ConfidentialSpan> confidential) {

  public record Comment(
      String commentId,
      String coachId,
      int revision,
      String field,
      int start,
      int end,
      String text,
      boolean resolved,
      Instant at) {}
}
