package org.storybank.command.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.storybank.command.bank.ImportReport.RowError;

/** Background imports and how far each has come, in PostgreSQL so every instance sees them. */
@Component
class ImportJobs {

  /**
   * A running import that has not moved for this long was cut off (its instance stopped): it is
   * shown as interrupted, and importing the same file again finishes it without duplicates.
   */
  static final Duration STALLED = Duration.ofMinutes(2);

  enum State {
    RUNNING,
    DONE,
    INTERRUPTED
  }

  /** What the owner sees of an import. */
  record Job(
      String id,
      State state,
      int total,
      int done,
      int imported,
      int unchanged,
      List<RowError> errors,
      Instant startedAt,
      Instant updatedAt) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  @Autowired
  ImportJobs(JdbcClient jdbc, ObjectMapper json) {
    this(jdbc, json, Clock.systemUTC());
  }

  ImportJobs(JdbcClient jdbc, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** A new running import of {@code total} entries, with the entries already refused. */
  String start(String ownerId, int total, List<RowError> refused) {
    String id = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            INSERT INTO bank_import (import_id, owner_id, state, total, errors, started_at, updated_at)
            VALUES (?, ?, 'RUNNING', ?, ?, ?, ?)
            """)
        .params(id, ownerId, total, write(refused), now, now)
        .update();
    return id;
  }

  void advanced(String id, int done, int imported, int unchanged) {
    jdbc.sql(
            "UPDATE bank_import SET done = ?, imported = ?, unchanged = ?, updated_at = ?"
                + " WHERE import_id = ?")
        .params(done, imported, unchanged, Timestamp.from(clock.instant()), id)
        .update();
  }

  void finished(String id, ImportReport report) {
    jdbc.sql(
            "UPDATE bank_import SET state = 'DONE', imported = ?, unchanged = ?, errors = ?,"
                + " updated_at = ? WHERE import_id = ?")
        .params(
            report.imported(),
            report.unchanged(),
            write(report.errors()),
            Timestamp.from(clock.instant()),
            id)
        .update();
  }

  /** Stopped before its end; what it wrote stays written. */
  void interrupted(String id) {
    jdbc.sql("UPDATE bank_import SET state = 'INTERRUPTED', updated_at = ? WHERE import_id = ?")
        .params(Timestamp.from(clock.instant()), id)
        .update();
  }

  /** The import, if it is the owner's. */
  Optional<Job> find(String id, String ownerId) {
    return jdbc.sql(
            """
            SELECT import_id, state, total, done, imported, unchanged, errors, started_at, updated_at
              FROM bank_import WHERE import_id = ? AND owner_id = ?
            """)
        .params(id, ownerId)
        .query(
            (row, n) -> {
              Instant updated = row.getTimestamp("updated_at").toInstant();
              State state = State.valueOf(row.getString("state"));
              if (state == State.RUNNING && updated.plus(STALLED).isBefore(clock.instant())) {
                state = State.INTERRUPTED;
              }
              return new Job(
                  row.getString("import_id"),
                  state,
                  row.getInt("total"),
                  row.getInt("done"),
                  row.getInt("imported"),
                  row.getInt("unchanged"),
                  read(row.getString("errors")),
                  row.getTimestamp("started_at").toInstant(),
                  updated);
            })
        .optional();
  }

  private String write(List<RowError> errors) {
    try {
      return json.writeValueAsString(errors);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("row errors are plain records", e);
    }
  }

  private List<RowError> read(String errors) {
    try {
      return json.readValue(errors, new TypeReference<List<RowError>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("bank_import.errors holds what write() wrote", e);
    }
  }
}
