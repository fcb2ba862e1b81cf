package org.storybank.command.story;

import java.util.Optional;

/**
 * Which cohort a candidate is in now, so that a coach's access follows the candidate's enrollment:
 * removed from a cohort, the candidate keeps their stories and that cohort's coach loses them.
 */
public interface CohortMembership {

  /**
   * The candidate's current cohort, if any. A candidate the cohort records never mention (an
   * account made outside the cohort flow) is still where they were when they drafted the story.
   */
  Optional<String> cohortOf(String candidateId, String cohortAtDraft);
}
