package org.storybank.command.loop;

import org.storybank.command.RuleViolation;

/** A loop command that breaks a rule of the loop; answered 400 naming the field. */
public class LoopRuleViolation extends RuleViolation {

  public LoopRuleViolation(String field, String rule) {
    super(field, rule);
  }
}
