package org.storybank.command.story;

import static org.storybank.api.story.StoryLimits.MAX_ANGLE_CHARS;
import static org.storybank.api.story.StoryLimits.MAX_COMMENT_CHARS;
import static org.storybank.api.story.StoryLimits.MAX_CONFIDENTIAL_SPANS;
import static org.storybank.api.story.StoryLimits.MAX_EVALUATION_NOTES_CHARS;
import static org.storybank.api.story.StoryLimits.MAX_EVIDENCE_CHARS;
import static org.storybank.api.story.StoryLimits.MAX_FIELD_CHARS;
import static org.storybank.api.story.StoryLimits.MAX_PRINCIPLES;
import static org.storybank.api.story.StoryLimits.MAX_PROMPTS;
import static org.storybank.api.story.StoryLimits.MAX_PROMPT_CHARS;
import static org.storybank.api.story.StoryLimits.MAX_TITLE_CHARS;

import java.util.HashSet;
import java.util.List;
import org.storybank.api.Principles;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.story.ConfidentialSpan;
import org.storybank.api.story.PromptLink;
import org.storybank.api.story.StarField;
import org.storybank.api.story.StarText;

/** The rules every version of a story must keep, checked before any event is applied. */
final class StoryRules {

  private StoryRules() {}

  static void requireId(String field, String id) {
    if (id == null || id.isBlank()) {
      throw new StoryRuleViolation(field, "must not be blank");
    }
  }

  static void requireTitle(String title) {
    if (title == null || title.isBlank()) {
      throw new StoryRuleViolation("title", "must not be blank");
    }
    if (title.length() > MAX_TITLE_CHARS) {
      throw new StoryRuleViolation("title", "at most " + MAX_TITLE_CHARS + " characters");
    }
  }

  static void requireLevel(Object level) {
    if (level == null) {
      throw new StoryRuleViolation("level", "must be one of entry, mid, senior, staff");
    }
  }

  static void requirePrinciples(List<String> principles) {
    if (principles.size() > MAX_PRINCIPLES) {
      throw new StoryRuleViolation("principles", "at most " + MAX_PRINCIPLES + " principles");
    }
    principles.forEach(StoryRules::requireKnownPrinciple);
    if (new HashSet<>(principles).size() != principles.size()) {
      throw new StoryRuleViolation("principles", "each principle at most once");
    }
  }

  static void requireKnownPrinciple(String principle) {
    if (principle == null) {
      throw new StoryRuleViolation("principles", "a principle is required");
    }
    if (!Principles.isKnown(principle)) {
      throw new StoryRuleViolation("principles", "unknown principle '" + principle + "'");
    }
  }

  static void requirePrompts(List<PromptLink> prompts) {
    if (prompts.size() > MAX_PROMPTS) {
      throw new StoryRuleViolation("prompts", "at most " + MAX_PROMPTS + " prompts");
    }
    prompts.forEach(StoryRules::requirePrompt);
    if (prompts.stream().map(PromptLink::promptId).distinct().count() != prompts.size()) {
      throw new StoryRuleViolation("prompts", "each prompt id at most once");
    }
  }

  static void requirePrompt(PromptLink prompt) {
    if (prompt == null) {
      throw new StoryRuleViolation("prompts", "a prompt must not be null");
    }
    requireId("promptId", prompt.promptId());
    if (prompt.text() == null || prompt.text().isBlank()) {
      throw new StoryRuleViolation("prompts", "a prompt must not be blank");
    }
    if (prompt.text().length() > MAX_PROMPT_CHARS) {
      throw new StoryRuleViolation(
          "prompts", "a prompt has at most " + MAX_PROMPT_CHARS + " characters");
    }
    if (prompt.angle().length() > MAX_ANGLE_CHARS) {
      throw new StoryRuleViolation("angle", "at most " + MAX_ANGLE_CHARS + " characters");
    }
  }

  static void requireStarWithinLimits(StarText star) {
    if (star == null) {
      throw new StoryRuleViolation(
          "star", "situation, task, action and result are required, even if empty");
    }
    star.byField()
        .forEach(
            (field, text) -> {
              if (text.length() > MAX_FIELD_CHARS) {
                throw new StoryRuleViolation(field, "at most " + MAX_FIELD_CHARS + " characters");
              }
            });
  }

  /** A story marked ready tells all four parts; only a draft may leave one empty. */
  static void requireCompleteStar(StarText star) {
    star.byField()
        .forEach(
            (field, text) -> {
              if (text.isBlank()) {
                throw new StoryRuleViolation(field, "must not be empty once the story is ready");
              }
            });
  }

  static void requireCommentRange(StarText star, String field, int start, int end) {
    if (StarField.fromId(field).isEmpty()) {
      throw new StoryRuleViolation("field", "must be one of situation, task, action, result");
    }
    int length = star.byField().get(field).length();
    if (start < 0 || end <= start || end > length) {
      throw new StoryRuleViolation(
          "range",
          "must satisfy 0 <= start < end <= " + length + " (the length of the " + field + ")");
    }
  }

  /**
   * Confidential spans lie inside the text of a STAR field, do not overlap and are few enough to be
   * spans rather than the whole story chopped up.
   */
  static void requireConfidential(StarText star, List<ConfidentialSpan> spans) {
    if (spans.size() > MAX_CONFIDENTIAL_SPANS) {
      throw new StoryRuleViolation(
          "confidential", "at most " + MAX_CONFIDENTIAL_SPANS + " confidential spans");
    }
    for (int i = 0; i < spans.size(); i++) {
      ConfidentialSpan span = spans.get(i);
      if (span == null) {
        throw new StoryRuleViolation("confidential[" + i + "]", "must not be null");
      }
      if (StarField.fromId(span.field()).isEmpty()) {
        throw new StoryRuleViolation(
            "confidential[" + i + "].field", "must be one of situation, task, action, result");
      }
      int length = star.byField().get(span.field()).length();
      if (span.start() < 0 || span.end() <= span.start() || span.end() > length) {
        throw new StoryRuleViolation(
            "confidential[" + i + "]",
            "must satisfy 0 <= start < end <= "
                + length
                + " (the length of the "
                + span.field()
                + ")");
      }
      for (int j = 0; j < i; j++) {
        ConfidentialSpan other = spans.get(j);
        if (other.field().equals(span.field())
            && other.start() < span.end()
            && span.start() < other.end()) {
          throw new StoryRuleViolation(
              "confidential[" + i + "]", "overlaps confidential[" + j + "]; merge them into one");
        }
      }
    }
  }

  static void requireCommentText(String text) {
    if (text == null || text.isBlank()) {
      throw new StoryRuleViolation("text", "must not be blank");
    }
    if (text.length() > MAX_COMMENT_CHARS) {
      throw new StoryRuleViolation("text", "at most " + MAX_COMMENT_CHARS + " characters");
    }
  }

  static void requireEvaluation(EvaluationResult result, int revision, int latestRevision) {
    if (revision < 1 || revision > latestRevision) {
      throw new StoryRuleViolation(
          "revision",
          "revision " + revision + " does not exist (latest is " + latestRevision + ")");
    }
    if (result == null) {
      throw new StoryRuleViolation("result", "an evaluation needs its result");
    }
    requireId("rubricVersion", result.rubricVersion());
    if (result.score() < 0 || result.score() > 100) {
      throw new StoryRuleViolation("score", "must be between 0 and 100");
    }
    if (result.verdict() == null) {
      throw new StoryRuleViolation("verdict", "must be one of strong, mixed, weak");
    }
    for (EvaluationResult.CriterionScore criterion : result.criteria()) {
      requireId("criteria.id", criterion.id());
      if (criterion.score() < 1 || criterion.score() > 4) {
        throw new StoryRuleViolation("criteria.score", "must be between 1 and 4");
      }
      requireEvidence("criteria.evidence", criterion.evidence());
    }
    for (EvaluationResult.PitfallFinding pitfall : result.pitfalls()) {
      requireId("pitfalls.id", pitfall.id());
      requireEvidence("pitfalls.evidence", pitfall.evidence());
    }
    if (result.notes().length() > MAX_EVALUATION_NOTES_CHARS) {
      throw new StoryRuleViolation(
          "notes", "at most " + MAX_EVALUATION_NOTES_CHARS + " characters");
    }
  }

  private static void requireEvidence(String field, String evidence) {
    if (evidence != null && evidence.length() > MAX_EVIDENCE_CHARS) {
      throw new StoryRuleViolation(field, "at most " + MAX_EVIDENCE_CHARS + " characters");
    }
  }

  static void requireRating(int rating) {
    if (rating < 1 || rating > 5) {
      throw new StoryRuleViolation("rating", "must be between 1 and 5");
    }
  }
}
