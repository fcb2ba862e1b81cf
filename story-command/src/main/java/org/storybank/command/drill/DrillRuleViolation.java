package org.storybank.command.drill;

import org.storybank.command.RuleViolation;

/** A drill command that breaks a rule; answered 400 naming the field. */
public class DrillRuleViolation extends RuleViolation {

  public DrillRuleViolation(String field, String rule) {
    super(field, rule);
  }
}
