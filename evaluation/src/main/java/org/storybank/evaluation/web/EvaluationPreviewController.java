package org.storybank.evaluation.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.api.Level;
import org.storybank.api.Principles;
import org.storybank.api.story.StoryLimits;
import org.storybank.evaluation.analysis.Evaluation;
import org.storybank.evaluation.analysis.StoryAnalyser;
import org.storybank.evaluation.analysis.StoryInput;
import org.storybank.security.Caller;
import org.storybank.security.audit.NotAChange;

/**
 * The rubric's verdict on a story that is not saved: what the editor shows beside the text while
 * someone writes. Stateless: it reads nothing and writes nothing, so any signed-in caller may ask.
 * The body is one entry of {@code ./storybank evaluate}'s input ({@code id} and {@code prompt}
 * optional); the answer is one entry of its output.
 */
@RestController
class EvaluationPreviewController {

  static final String PREVIEW_ID = "preview";

  private static final java.util.Set<String> FIELDS =
      java.util.Set.of(
          "id",
          "principle",
          "principles",
          "level",
          "prompt",
          "situation",
          "task",
          "action",
          "result");

  private final StoryAnalyser analyser;

  EvaluationPreviewController(StoryAnalyser analyser) {
    this.analyser = analyser;
  }

  @PostMapping("/api/evaluations/preview")
  @NotAChange
  Evaluation preview(Caller caller, @RequestBody JsonNode body) {
    return analyser.evaluate(read(body));
  }

  private static StoryInput read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new PreviewRejected("body", "must be a JSON object");
    }
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!FIELDS.contains(name)) {
                throw new PreviewRejected(name, "is not a known field");
              }
            });
    String principle = text(body, "principle", true, 100);
    if (!Principles.isKnown(principle)) {
      throw new PreviewRejected(
          "principle", "must be one of " + String.join(", ", Principles.AMAZON_LEADERSHIP));
    }
    String level = text(body, "level", true, 20);
    if (Level.fromId(level).isEmpty()) {
      throw new PreviewRejected("level", "must be one of entry, mid, senior, staff");
    }
    String id = text(body, "id", false, 200);
    return new StoryInput(
        id.isEmpty() ? PREVIEW_ID : id,
        principle,
        otherPrinciples(body),
        level,
        text(body, "prompt", false, StoryLimits.MAX_PROMPT_CHARS),
        text(body, "situation", true, StoryLimits.MAX_FIELD_CHARS),
        text(body, "task", true, StoryLimits.MAX_FIELD_CHARS),
        text(body, "action", true, StoryLimits.MAX_FIELD_CHARS),
        text(body, "result", true, StoryLimits.MAX_FIELD_CHARS));
  }

  /** Optional {@code principles}: every principle the story is tagged with, for their criteria. */
  private static java.util.List<String> otherPrinciples(JsonNode body) {
    JsonNode tagged = body.get("principles");
    if (tagged == null || tagged.isNull()) {
      return java.util.List.of();
    }
    if (!tagged.isArray() || tagged.size() > Principles.AMAZON_LEADERSHIP.size()) {
      throw new PreviewRejected("principles", "must be an array of at most 16 principle ids");
    }
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (JsonNode id : tagged) {
      if (!id.isTextual() || !Principles.isKnown(id.asText())) {
        throw new PreviewRejected(
            "principles",
            "must hold only ids of " + String.join(", ", Principles.AMAZON_LEADERSHIP));
      }
      ids.add(id.asText());
    }
    return ids;
  }

  /**
   * A string field; an empty STAR field is valid (the analyser judges it), a missing one is not.
   */
  private static String text(JsonNode body, String field, boolean required, int maxChars) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw new PreviewRejected(field, "is required");
      }
      return "";
    }
    if (!value.isTextual()) {
      throw new PreviewRejected(field, "must be a string");
    }
    if (value.asText().length() > maxChars) {
      throw new PreviewRejected(field, "at most " + maxChars + " characters");
    }
    return value.asText();
  }

  @ExceptionHandler(PreviewRejected.class)
  ProblemDetail rejected(PreviewRejected rejected) {
    return problem(rejected.field, rejected.rule);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException exception) {
    return problem("body", "must be a JSON object");
  }

  private static ProblemDetail problem(String field, String rule) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + rule);
    Map.of("field", field, "rule", rule).forEach(problem::setProperty);
    return problem;
  }

  /** What is wrong with a preview request, by field. */
  static final class PreviewRejected extends RuntimeException {

    private final String field;
    private final String rule;

    PreviewRejected(String field, String rule) {
      super(field + ": " + rule, null, false, false);
      this.field = field;
      this.rule = rule;
    }
  }
}
