package org.storybank.evaluation.service;

import java.util.List;
import org.springframework.stereotype.Service;

/** Agreement between automatic and coach scores, for the web layer. */
@Service
public class Calibration {

  private final CriterionScores scores;

  Calibration(CriterionScores scores) {
    this.scores = scores;
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
}
