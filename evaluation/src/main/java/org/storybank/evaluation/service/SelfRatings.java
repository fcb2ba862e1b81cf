package org.storybank.evaluation.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.storybank.api.drill.DrillEvents.DrillRated;

/**
 * The latest self-rating of each drill, and how it compares with the automatic and coach criterion
 * scores of the revision told, aggregated in PostgreSQL. A cohort's scope is the story's cohort as
 * the evaluator's copy of the story has it.
 */
@Repository
class SelfRatings {

  private static final String SELF = "(1 + (s.rating - 1) * 0.75)";
  private static final String SCOPE =
      """
      (:anyCohort OR t.cohort_id IN (:cohorts)) AND (:anyAuthor OR s.candidate_id = :author)
      """;

  private final JdbcClient jdbc;

  SelfRatings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A re-rating replaces the drill's rating; a replayed older event changes nothing. */
  void record(DrillRated event, long sequence) {
    jdbc.sql(
            """
            INSERT INTO self_ratings
              (drill_id, candidate_id, principle, story_id, revision, rating, sequence)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (drill_id) DO UPDATE SET rating = EXCLUDED.rating,
              story_id = EXCLUDED.story_id, revision = EXCLUDED.revision,
              sequence = EXCLUDED.sequence
            WHERE self_ratings.sequence < EXCLUDED.sequence
            """)
        .params(
            event.drillId(),
            event.candidateId(),
            event.principle(),
            event.storyId(),
            event.revision(),
            event.rating(),
            sequence)
        .update();
  }

  SelfCalibration calibration(List<String> cohortIds, String authorId) {
    return new SelfCalibration(
        SelfCalibration.SCALE, criteria(cohortIds, authorId), principles(cohortIds, authorId));
  }

  private List<SelfCalibration.Criterion> criteria(List<String> cohortIds, String authorId) {
    return scoped(
            "SELECT a.criterion_id, count(*) AS pairs, avg("
                + SELF
                + ") AS self, avg(a.score) AS automatic, avg(c.score) AS coach, avg("
                + SELF
                + " - a.score) AS self_minus_automatic, avg("
                + SELF
                + " - c.score) AS self_minus_coach"
                + """

                FROM self_ratings s
                JOIN criterion_scores a
                  ON a.story_id = s.story_id AND a.revision = s.revision
                 AND a.evaluator_kind = 'automatic'
                LEFT JOIN criterion_scores c
                  ON c.story_id = a.story_id AND c.revision = a.revision
                 AND c.criterion_id = a.criterion_id AND c.evaluator_kind = 'coach'
                LEFT JOIN story_text t ON t.story_id = s.story_id
                WHERE """
                + SCOPE
                + " GROUP BY a.criterion_id ORDER BY a.criterion_id",
            cohortIds,
            authorId)
        .query(
            (row, n) ->
                new SelfCalibration.Criterion(
                    row.getString("criterion_id"),
                    row.getLong("pairs"),
                    row.getDouble("self"),
                    row.getDouble("automatic"),
                    nullable(row, "coach"),
                    row.getDouble("self_minus_automatic"),
                    nullable(row, "self_minus_coach")))
        .list();
  }

  private List<SelfCalibration.Principle> principles(List<String> cohortIds, String authorId) {
    return scoped(
            "SELECT s.principle, count(*) AS drills, avg(s.rating) AS mean_rating, avg("
                + SELF
                + ") AS self, avg(a.mean) AS automatic, avg(c.mean) AS coach"
                + """

                FROM self_ratings s
                LEFT JOIN (SELECT story_id, revision, avg(score) AS mean FROM criterion_scores
                           WHERE evaluator_kind = 'automatic' GROUP BY story_id, revision) a
                  ON a.story_id = s.story_id AND a.revision = s.revision
                LEFT JOIN (SELECT story_id, revision, avg(score) AS mean FROM criterion_scores
                           WHERE evaluator_kind = 'coach' GROUP BY story_id, revision) c
                  ON c.story_id = s.story_id AND c.revision = s.revision
                LEFT JOIN story_text t ON t.story_id = s.story_id
                WHERE """
                + SCOPE
                + " GROUP BY s.principle ORDER BY s.principle",
            cohortIds,
            authorId)
        .query(
            (row, n) ->
                new SelfCalibration.Principle(
                    row.getString("principle"),
                    row.getLong("drills"),
                    row.getDouble("mean_rating"),
                    row.getDouble("self"),
                    nullable(row, "automatic"),
                    nullable(row, "coach")))
        .list();
  }

  private JdbcClient.StatementSpec scoped(String sql, List<String> cohortIds, String authorId) {
    return jdbc.sql(sql)
        .param("anyCohort", cohortIds == null)
        .param("cohorts", cohortIds == null || cohortIds.isEmpty() ? List.of("") : cohortIds)
        .param("anyAuthor", authorId == null)
        .param("author", authorId == null ? "" : authorId);
  }

  private static Double nullable(ResultSet row, String column) throws SQLException {
    double value = row.getDouble(column);
    return row.wasNull() ? null : value;
  }
}
