package org.storybank.command.story;

import org.storybank.command.RuleViolation;

/** A story command that breaks a rule of the story. */
public class StoryRuleViolation extends RuleViolation {

  public StoryRuleViolation(String field, String rule) {
    super(field, rule);
  }
}
