package org.storybank.evaluation.service;

import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Agreement between automatic and coach scores, and the candidates' self-ratings, for the web
 * layer.
 */
@Service
public class Calibration {

  private final CriterionScores scores;
  private final SelfRatings selfRatings;

  Calibration(CriterionScores scores, SelfRatings selfRatings) {
    this.scores = scores;
    this.selfRatings = selfRatings;
  }

  /** Over the given cohorts; null means the whole organisation. */
  public List<CriterionAgreement> forCohorts(List<String> cohortIds) {
    if (cohortIds != null && cohortIds.isEmpty()) {
      return List.of();
    }
    return scores.agreement(cohortIds, null);
  }

  public List<CriterionAgreement> forAuthor(String authorId) {
    return scores.agreement(null, authorId);
  }

  /** The candidates' self-ratings from drills beside the scores; null cohorts: everyone. */
  public SelfCalibration selfForCohorts(List<String> cohortIds) {
    if (cohortIds != null && cohortIds.isEmpty()) {
      return new SelfCalibration(SelfCalibration.SCALE, List.of(), List.of());
    }
    return selfRatings.calibration(cohortIds, null);
  }

  public SelfCalibration selfForAuthor(String authorId) {
    return selfRatings.calibration(null, authorId);
  }
}
