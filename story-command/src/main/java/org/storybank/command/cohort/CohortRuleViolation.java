package org.storybank.command.cohort;

import org.storybank.command.RuleViolation;

/** A cohort command that breaks a rule of the cohort. */
public class CohortRuleViolation extends RuleViolation {

  public CohortRuleViolation(String field, String rule) {
    super(field, rule);
  }
}
