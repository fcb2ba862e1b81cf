package org.storybank.query.projection;

import java.util.List;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;

/**
 * Every evaluation ever recorded, for trends over time. It keeps the author's cohort, principles
 * and level as they were when the evaluation was recorded: a trend is history.
 */
public record EvaluationDocument(
    String evaluationId,
    String storyId,
    String authorId,
    String cohortId,
    List<String> principles,
    String level,
    long storyVersion,
    Assessment assessment) {

  public EvaluationDocument {
    principles = principles == null ? List.of() : List.copyOf(principles);
  }

  public static EvaluationDocument of(
      EvaluationRecorded event, StoryDocument story, EventEnvelope envelope) {
    return new EvaluationDocument(
        event.evaluationId(),
        story.storyId(),
        story.authorId(),
        story.cohortId(),
        story.principles(),
        story.level(),
        envelope.sequence(),
        Assessment.of(event, envelope.timestamp()));
  }
}
