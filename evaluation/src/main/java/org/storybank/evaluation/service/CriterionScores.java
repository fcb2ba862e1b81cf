package org.storybank.evaluation.service;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;

/**
 * The latest criterion scores per story revision and kind of evaluator, and how automatic and coach
 * scores of the same revision agree, criterion by criterion: aggregated in PostgreSQL.
 */
@Repository
class CriterionScores {

  private final JdbcClient jdbc;

  CriterionScores(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  void record(StoryText story, EvaluationRecorded event) {
    String kind = event.evaluator().kind().name().toLowerCase(java.util.Locale.ROOT);
    jdbc.sql(
            "DELETE FROM criterion_scores WHERE story_id = ? AND revision = ? AND evaluator_kind = ?")
        .params(story.storyId(), event.revision(), kind)
        .update();
    for (EvaluationResult.CriterionScore criterion : event.result().criteria()) {
      jdbc.sql(
              """
              INSERT INTO criterion_scores
                (story_id, revision, evaluator_kind, criterion_id, score, author_id, cohort_id)
              VALUES (?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              story.storyId(),
              event.revision(),
              kind,
              criterion.id(),
              criterion.score(),
              story.authorId(),
              story.cohortId())
          .update();
    }
  }

  /** Agreement per criterion for the stories in scope (null lists: no restriction). */
  List<CriterionAgreement> agreement(List<String> cohortIds, String authorId) {
    return jdbc.sql(
            """
            SELECT a.criterion_id,
                   count(*) AS pairs,
                   avg(CASE WHEN a.score = c.score THEN 1.0 ELSE 0.0 END) AS exact,
                   avg(CASE WHEN abs(a.score - c.score) <= 1 THEN 1.0 ELSE 0.0 END) AS within_one,
                   avg(abs(a.score - c.score)) AS mean_absolute_difference,
                   avg(a.score - c.score) AS automatic_minus_coach
            FROM criterion_scores a
            JOIN criterion_scores c
              ON c.story_id = a.story_id AND c.revision = a.revision
             AND c.criterion_id = a.criterion_id AND c.evaluator_kind = 'coach'
            WHERE a.evaluator_kind = 'automatic'
              AND (:anyCohort OR a.cohort_id IN (:cohorts))
              AND (:anyAuthor OR a.author_id = :author)
            GROUP BY a.criterion_id
            ORDER BY a.criterion_id
            """)
        .param("anyCohort", cohortIds == null)
        .param("cohorts", cohortIds == null || cohortIds.isEmpty() ? List.of("") : cohortIds)
        .param("anyAuthor", authorId == null)
        .param("author", authorId == null ? "" : authorId)
        .query(
            (row, n) ->
                new CriterionAgreement(
                    row.getString("criterion_id"),
                    row.getLong("pairs"),
                    row.getDouble("exact"),
                    row.getDouble("within_one"),
                    row.getDouble("mean_absolute_difference"),
                    row.getDouble("automatic_minus_coach")))
        .list();
  }
}
