package org.storybank.query.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * One pitfall across a cohort: how many of its current stories show it, their share of the cohort's
 * stories, and week by week how many stories evaluated that week showed it.
 */
record PitfallTrend(
    String pitfall, long stories, double share, List<Week> trend, String direction) {

  record Week(LocalDate week, long stories, long evaluatedStories, double share) {}

  /** Rising or falling when the last two weeks' share differs from the two before by 10 points. */
  static String direction(List<Week> trend) {
    if (trend.size() < 4) {
      return "flat";
    }
    int n = trend.size();
    double recent = (trend.get(n - 1).share() + trend.get(n - 2).share()) / 2;
    double before = (trend.get(n - 3).share() + trend.get(n - 4).share()) / 2;
    if (recent - before >= 0.10) {
      return "rising";
    }
    return before - recent >= 0.10 ? "falling" : "flat";
  }
}
