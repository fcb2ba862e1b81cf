package org.storybank.query.analytics;

import java.util.List;

/** What a coach sees of a cohort at a glance; every figure comes from an aggregation. */
record CohortOverview(
    String cohortId,
    long stories,
    long candidates,
    List<ScoreSpread> byPrinciple,
    List<ScoreSpread> byLevel,
    List<WeakCriterion> weakestCriteria,
    List<CandidateAttention> candidatesNeedingAttention,
    Agreement agreement) {

  record ScoreSpread(
      String key,
      long stories,
      long evaluated,
      Double average,
      Double min,
      Double max,
      List<Band> bands) {}

  record Band(String band, long stories) {}

  record WeakCriterion(String criterion, double averageScore, long scores) {}

  record CandidateAttention(
      String candidateId, long stories, Double averageScore, long weakStories, String reason) {}

  /** Automatic and coach evaluations of the same story revision, compared. */
  record Agreement(long pairs, Double meanScoreDifference, Double sameVerdictShare) {}
}
