package org.storybank.command.drill;

import java.util.Set;
import org.storybank.api.Level;
import org.storybank.api.Principles;
import org.storybank.api.drill.DrawnPrompt;

/** What a drill's prompt and rating must look like; each violation names the field. */
final class DrillRules {

  static final int MAX_PROMPT_CHARS = 500;
  static final int MIN_RATING = 1;
  static final int MAX_RATING = 5;

  private static final Set<String> REASONS =
      Set.of(DrawnPrompt.GAP, DrawnPrompt.WEAK, DrawnPrompt.RANDOM);

  private DrillRules() {}

  static void requireId(String field, String id) {
    if (id == null || id.isBlank() || id.length() > 64) {
      throw new DrillRuleViolation(field, "must be 1 to 64 characters");
    }
  }

  static DrawnPrompt checked(DrawnPrompt prompt) {
    if (prompt == null) {
      throw new DrillRuleViolation("prompt", "a drill needs a prompt");
    }
    if (prompt.principle() == null || !Principles.isKnown(prompt.principle())) {
      throw new DrillRuleViolation("principle", "unknown principle '" + prompt.principle() + "'");
    }
    if (prompt.prompt() == null
        || prompt.prompt().isBlank()
        || prompt.prompt().strip().length() > MAX_PROMPT_CHARS) {
      throw new DrillRuleViolation("prompt", "1 to " + MAX_PROMPT_CHARS + " characters");
    }
    if (prompt.level() == null || Level.fromId(prompt.level()).isEmpty()) {
      throw new DrillRuleViolation("level", "must be one of entry, mid, senior, staff");
    }
    if (!REASONS.contains(prompt.reason())) {
      throw new DrillRuleViolation("reason", "must be one of gap, weak, random");
    }
    return new DrawnPrompt(
        prompt.principle(),
        prompt.prompt().strip(),
        prompt.level(),
        prompt.reason(),
        prompt.why() == null ? "" : prompt.why().strip());
  }

  static int checkedRating(Integer rating) {
    if (rating == null || rating < MIN_RATING || rating > MAX_RATING) {
      throw new DrillRuleViolation("rating", "a whole number from 1 to 5");
    }
    return rating;
  }
}
