package org.storybank.command.drill;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.storybank.api.drill.DrillEvents.DrillAbandoned;
import org.storybank.api.drill.DrillEvents.DrillAnswered;
import org.storybank.api.drill.DrillEvents.DrillDrawn;
import org.storybank.api.drill.DrillEvents.DrillRated;

/**
 * The drills as rows, from the Drill events in the same transaction: a candidate's history (newest
 * first) and how they practised each principle.
 */
@Component
@ProcessingGroup(DrillView.PROCESSING_GROUP)
public class DrillView {

  static final String PROCESSING_GROUP = "drill-history";

  private static final int RECENT = 5;

  private final JdbcClient jdbc;

  DrillView(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<DrillRecord> find(String drillId) {
    return jdbc.sql("SELECT * FROM drills WHERE drill_id = ?")
        .param(drillId)
        .query(DrillView::record)
        .optional();
  }

  public List<DrillRecord> historyOf(String candidateId, int limit) {
    return jdbc.sql(
            "SELECT * FROM drills WHERE candidate_id = ? ORDER BY drawn_at DESC, drill_id LIMIT ?")
        .params(candidateId, limit)
        .query(DrillView::record)
        .list();
  }

  /** The prompts of the candidate's last few drills, which a new draw avoids when it can. */
  public List<String> recentPrompts(String candidateId) {
    return historyOf(candidateId, RECENT).stream().map(DrillRecord::prompt).toList();
  }

  public List<PrinciplePractice> summaryOf(String candidateId) {
    return jdbc.sql(
            """
            SELECT principle, count(*) AS drills, count(rating) AS rated,
                   avg(rating) AS mean_rating, max(drawn_at) AS last_practised
            FROM drills WHERE candidate_id = ? AND status <> 'abandoned'
            GROUP BY principle ORDER BY max(drawn_at) DESC, principle
            """)
        .param(candidateId)
        .query(
            (row, n) ->
                new PrinciplePractice(
                    row.getString("principle"),
                    row.getInt("drills"),
                    row.getInt("rated"),
                    row.getObject("mean_rating") == null ? null : row.getDouble("mean_rating"),
                    instant(row, "last_practised")))
        .list();
  }

  @EventHandler
  void on(DrillDrawn event, @org.axonframework.eventhandling.Timestamp Instant at) {
    jdbc.sql(
            """
            INSERT INTO drills (drill_id, candidate_id, principle, prompt, level, reason, why,
                                status, drawn_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'drawn', ?) ON CONFLICT (drill_id) DO NOTHING
            """)
        .params(
            event.drillId(),
            event.candidateId(),
            event.prompt().principle(),
            event.prompt().prompt(),
            event.prompt().level(),
            event.prompt().reason(),
            event.prompt().why(),
            Timestamp.from(at))
        .update();
  }

  @EventHandler
  void on(DrillAnswered event, @org.axonframework.eventhandling.Timestamp Instant at) {
    jdbc.sql(
            """
            UPDATE drills SET status = 'answered', story_id = ?, story_revision = ?, answered_at = ?
            WHERE drill_id = ?
            """)
        .params(event.storyId(), event.revision(), Timestamp.from(at), event.drillId())
        .update();
  }

  @EventHandler
  void on(DrillRated event, @org.axonframework.eventhandling.Timestamp Instant at) {
    jdbc.sql("UPDATE drills SET status = 'rated', rating = ?, rated_at = ? WHERE drill_id = ?")
        .params(event.rating(), Timestamp.from(at), event.drillId())
        .update();
  }

  @EventHandler
  void on(DrillAbandoned event) {
    jdbc.sql("UPDATE drills SET status = 'abandoned' WHERE drill_id = ?")
        .param(event.drillId())
        .update();
  }

  private static DrillRecord record(ResultSet row, int n) throws SQLException {
    return new DrillRecord(
        row.getString("drill_id"),
        row.getString("candidate_id"),
        row.getString("principle"),
        row.getString("prompt"),
        row.getString("level"),
        row.getString("reason"),
        row.getString("why"),
        row.getString("status"),
        row.getString("story_id"),
        (Integer) row.getObject("story_revision"),
        (Integer) row.getObject("rating"),
        instant(row, "drawn_at"),
        instant(row, "answered_at"),
        instant(row, "rated_at"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp timestamp = row.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
