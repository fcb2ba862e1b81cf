package org.storybank.command.web;

import java.util.List;
import org.storybank.api.story.ConfidentialSpan;

/** Bodies of the story endpoints. The actor always comes from the token, never from a body. */
final class StoryRequests {

  private StoryRequests() {}

  /** {@code POST /api/stories} and {@code PUT /api/stories/{id}}. */
  record StoryBody(
      String title,
      List<String> principles,
      List<String> prompts,
      String level,
      String situation,
      String task,
      String action,
      String result,
      List<ConfidentialSpan> confidential) {}

  record PrincipleBody(String principle) {}

  record PromptBody(String prompt, String angle) {}

  record CommentBody(String field, Integer start, Integer end, String text) {}

  record RatingBody(Integer rating) {}

  record CriterionBody(String id, Integer score, String evidence) {}

  record PitfallBody(String id, String evidence) {}

  record MetricBody(String kind, Double value, String text) {}

  /** A coach's evaluation: the same rubric the automatic evaluator uses. */
  record EvaluationBody(
      Integer revision,
      String rubricVersion,
      Integer score,
      String verdict,
      Boolean meetsBar,
      List<CriterionBody> criteria,
      List<PitfallBody> pitfalls,
      List<MetricBody> metrics,
      String notes) {}
}
