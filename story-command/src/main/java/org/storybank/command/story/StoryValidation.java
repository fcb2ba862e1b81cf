package org.storybank.command.story;

import java.util.List;
import java.util.Optional;
import org.storybank.api.Level;
import org.storybank.api.story.ConfidentialSpan;
import org.storybank.api.story.PromptLink;
import org.storybank.api.story.StarText;

/**
 * The aggregate's own rules, asked ahead of sending commands: an import checks every entry against
 * them before it writes any.
 */
public final class StoryValidation {

  private StoryValidation() {}

  /** The first rule the story breaks, if any. {@code ready}: it is to be marked ready too. */
  public static Optional<StoryRuleViolation> check(
      String title,
      Level level,
      List<String> principles,
      List<PromptLink> prompts,
      StarText star,
      List<ConfidentialSpan> confidential,
      boolean ready) {
    try {
      StoryRules.requireTitle(title);
      StoryRules.requireLevel(level);
      StoryRules.requirePrinciples(principles);
      StoryRules.requirePrompts(prompts);
      StoryRules.requireStarWithinLimits(star);
      StoryRules.requireConfidential(star, confidential);
      if (ready) {
        StoryRules.requireCompleteStar(star);
        if (principles.isEmpty()) {
          throw new StoryRuleViolation(
              "principles", "a ready story is tagged with at least one principle");
        }
      }
      return Optional.empty();
    } catch (StoryRuleViolation violation) {
      return Optional.of(violation);
    }
  }
}
