package org.storybank.command.story;

/**
 * A command that breaks a rule of the story; names the field and the rule so the caller can fix it.
 */
public class StoryRuleViolation extends RuntimeException {

  private final String field;
  private final String rule;

  public StoryRuleViolation(String field, String rule) {
    super(field + ": " + rule);
    this.field = field;
    this.rule = rule;
  }

  public String field() {
    return field;
  }

  public String rule() {
    return rule;
  }
}
