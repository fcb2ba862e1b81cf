package org.storybank.gateway.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the audit trail every service appends to (platform-security's {@code audit.entries}). */
@Repository
class AuditLog {

  private final JdbcClient jdbc;

  AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Entry(
      long id,
      Instant at,
      String actorId,
      String actorName,
      String actorRole,
      String action,
      String storyId,
      String targetId,
      String ownerId,
      String requestId,
      String service) {}

  /** What to look for; a null field does not filter. */
  record Filter(
      String account, String ownerId, String storyId, String action, Instant from, Instant to) {}

  /** Newest first; one more than asked, so the caller knows whether another page follows. */
  List<Entry> find(Filter filter, int page, int size) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT e.id, e.at, e.actor_id, a.name AS actor_name, e.actor_role, e.action,"
                + " e.story_id, e.target_id, e.owner_id, e.request_id, e.service"
                + " FROM audit.entries e LEFT JOIN identity.accounts a ON a.user_id = e.actor_id"
                + " WHERE true");
    List<Object> params = new ArrayList<>();
    if (filter.account() != null) {
      sql.append(" AND (e.actor_id = ? OR e.owner_id = ?)");
      params.add(filter.account());
      params.add(filter.account());
    }
    if (filter.ownerId() != null) {
      sql.append(" AND e.owner_id = ?");
      params.add(filter.ownerId());
    }
    if (filter.storyId() != null) {
      sql.append(" AND e.story_id = ?");
      params.add(filter.storyId());
    }
    if (filter.action() != null) {
      sql.append(" AND e.action = ?");
      params.add(filter.action());
    }
    if (filter.from() != null) {
      sql.append(" AND e.at >= ?");
      params.add(Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      sql.append(" AND e.at < ?");
      params.add(Timestamp.from(filter.to()));
    }
    sql.append(" ORDER BY e.id DESC LIMIT ? OFFSET ?");
    params.add(size + 1);
    params.add((long) page * size);
    return jdbc.sql(sql.toString())
        .params(params)
        .query(
            (row, n) ->
                new Entry(
                    row.getLong("id"),
                    row.getTimestamp("at").toInstant(),
                    row.getString("actor_id"),
                    row.getString("actor_name"),
                    row.getString("actor_role"),
                    row.getString("action"),
                    row.getString("story_id"),
                    row.getString("target_id"),
                    row.getString("owner_id"),
                    row.getString("request_id"),
                    row.getString("service")))
        .list();
  }
}
