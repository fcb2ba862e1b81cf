package org.storybank.query.analytics;

import java.util.List;

/**
 * The index fields the cohort reports aggregate on, named once; {@code AnalyticsFieldsTest} checks
 * each against the index definitions, so a renamed field fails a test, not a coach's page.
 */
final class AnalyticsFields {

  // both indexes
  static final String STORY_ID = "storyId";
  static final String COHORT_ID = "cohortId";
  static final String AUTHOR_ID = "authorId";
  static final String EVALUATOR = "assessment.evaluator";
  static final String REVISION = "assessment.revision";
  static final String RECORDED_AT = "assessment.recordedAt";
  static final String ASSESSED_PITFALLS = "assessment.pitfalls";
  static final String ASSESSED_SCORE = "assessment.score";
  static final String ASSESSED_VERDICT = "assessment.verdict";
  static final String CRITERIA = "assessment.criteria";
  static final String CRITERION_ID = "assessment.criteria.id";
  static final String CRITERION_SCORE = "assessment.criteria.score";

  // the stories index only: the story as it stands, with the evaluation that counts
  static final String STATUS = "status";
  static final String PRINCIPLES = "principles";
  static final String LEVEL = "level";
  static final String SCORE = "score";
  static final String VERDICT = "verdict";
  static final String PITFALLS = "pitfalls";

  static final List<String> OF_STORIES =
      List.of(
          STORY_ID,
          COHORT_ID,
          AUTHOR_ID,
          STATUS,
          PRINCIPLES,
          LEVEL,
          SCORE,
          VERDICT,
          PITFALLS,
          CRITERIA,
          CRITERION_ID,
          CRITERION_SCORE);

  static final List<String> OF_EVALUATIONS =
      List.of(
          STORY_ID,
          COHORT_ID,
          EVALUATOR,
          REVISION,
          RECORDED_AT,
          ASSESSED_PITFALLS,
          ASSESSED_SCORE,
          ASSESSED_VERDICT);

  private AnalyticsFields() {}
}
