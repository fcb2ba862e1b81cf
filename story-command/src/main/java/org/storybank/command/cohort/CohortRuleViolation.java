package org.storybank.command.cohort;

/** A cohort command that breaks a rule; names the field and the rule. */
public class CohortRuleViolation extends RuntimeException {

  private final String field;
  private final String rule;

  public CohortRuleViolation(String field, String rule) {
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
