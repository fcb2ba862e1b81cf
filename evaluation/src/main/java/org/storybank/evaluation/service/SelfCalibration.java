package org.storybank.evaluation.service;

import java.util.List;

/**
 * The candidates' own view beside the automatic and coach scores. A drill's self-rating r (1–5) is
 * put on the criterion scale (1–4) as {@code 1 + (r - 1) × 3/4}: 1 → 1, 3 → 2.5, 5 → 4. Per
 * criterion, each rated revision's automatic criterion scores are the pairs (the coach's when the
 * coach judged that revision too); per principle, the drills of that principle with the mean
 * automatic and coach criterion score of the revisions told. Means are null without any pair.
 */
public record SelfCalibration(String scale, List<Criterion> criteria, List<Principle> principles) {

  public static final String SCALE =
      "self 1-5 mapped to the criterion scale 1-4 as 1 + (r - 1) * 3/4";

  public SelfCalibration {
    criteria = List.copyOf(criteria);
    principles = List.copyOf(principles);
  }

  public record Criterion(
      String criterion,
      long pairs,
      double self,
      double automatic,
      Double coach,
      double selfMinusAutomatic,
      Double selfMinusCoach) {}

  public record Principle(
      String principle,
      long drills,
      double meanRating,
      double self,
      Double automatic,
      Double coach) {}
}
