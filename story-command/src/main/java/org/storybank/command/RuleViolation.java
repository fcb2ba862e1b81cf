package org.storybank.command;

/**
 * A command that breaks a rule of its aggregate; names the field and the rule so it can be fixed.
 */
public abstract class RuleViolation extends RuntimeException {

  private final String field;
  private final String rule;

  protected RuleViolation(String field, String rule) {
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
