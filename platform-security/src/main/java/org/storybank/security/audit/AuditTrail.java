package org.storybank.security.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.MDC;
import org.storybank.security.Caller;
import org.storybank.security.RequestId;

/**
 * Appends to {@code audit.entries}: who (the caller and their role), what, which story or object,
 * whose, when (the database's clock) and the request id. Reads are recorded before their answer
 * leaves, so a failure to write is the request's failure: nothing is shown off the record.
 */
public final class AuditTrail {

  private final DataSource dataSource;
  private final String service;

  public AuditTrail(DataSource dataSource, String service) {
    this.dataSource = dataSource;
    this.service = service;
  }

  public void record(Caller caller, AuditEntry entry) {
    recordAll(caller, List.of(entry));
  }

  public void recordAll(Caller caller, List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    String requestId = MDC.get(RequestId.MDC_KEY);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                """
                INSERT INTO audit.entries
                  (actor_id, actor_role, action, story_id, target_id, owner_id, request_id, service)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
      for (AuditEntry entry : entries) {
        insert.setString(1, caller.userId());
        insert.setString(2, caller.role().id());
        insert.setString(3, entry.action());
        insert.setString(4, entry.storyId());
        insert.setString(5, entry.targetId());
        insert.setString(6, entry.ownerId());
        insert.setString(7, requestId);
        insert.setString(8, service);
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new AuditUnavailable(e);
    }
  }
}
