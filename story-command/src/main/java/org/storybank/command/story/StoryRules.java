package org.storybank.command.story;

import static org.storybank.api.story.StoryLimits.MAX_FIELD_CHARS;
import static org.storybank.api.story.StoryLimits.MAX_PRINCIPLES;
import static org.storybank.api.story.StoryLimits.MAX_PROMPTS;
import static org.storybank.api.story.StoryLimits.MAX_PROMPT_CHARS;
import static org.storybank.api.story.StoryLimits.MAX_TITLE_CHARS;

import java.util.HashSet;
import java.util.List;
import org.storybank.api.Principles;
import org.storybank.api.story.StarText;

/** The rules every version of a story must keep, checked before any event is applied. */
final class StoryRules {

  private StoryRules() {}

  static void requireAuthor(String authorId) {
    if (authorId == null || authorId.isBlank()) {
      throw new StoryRuleViolation("authorId", "a story needs an author");
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
    for (String principle : principles) {
      if (!Principles.isKnown(principle)) {
        throw new StoryRuleViolation("principles", "unknown principle '" + principle + "'");
      }
    }
    if (new HashSet<>(principles).size() != principles.size()) {
      throw new StoryRuleViolation("principles", "each principle at most once");
    }
  }

  static void requirePrompts(List<String> prompts) {
    if (prompts.size() > MAX_PROMPTS) {
      throw new StoryRuleViolation("prompts", "at most " + MAX_PROMPTS + " prompts");
    }
    for (String prompt : prompts) {
      if (prompt == null || prompt.isBlank()) {
        throw new StoryRuleViolation("prompts", "a prompt must not be blank");
      }
      if (prompt.length() > MAX_PROMPT_CHARS) {
        throw new StoryRuleViolation(
            "prompts", "a prompt has at most " + MAX_PROMPT_CHARS + " characters");
      }
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
}
