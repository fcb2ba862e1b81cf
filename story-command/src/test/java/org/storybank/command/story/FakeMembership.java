package org.storybank.command.story;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Cohort membership for fixture tests: as drafted, unless a test moves a candidate. */
final class FakeMembership implements CohortMembership {

  private final Map<String, Optional<String>> moved = new HashMap<>();

  @Override
  public Optional<String> cohortOf(String candidateId, String cohortAtDraft) {
    return moved.getOrDefault(candidateId, Optional.ofNullable(cohortAtDraft));
  }

  void removeFromCohort(String candidateId) {
    moved.put(candidateId, Optional.empty());
  }
}
