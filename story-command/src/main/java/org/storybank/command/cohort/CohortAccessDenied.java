package org.storybank.command.cohort;

/** The actor is not the admin or the cohort's coach; they are told the cohort does not exist. */
public class CohortAccessDenied extends RuntimeException {

  public CohortAccessDenied(String cohortId) {
    super("no cohort " + cohortId);
  }
}
