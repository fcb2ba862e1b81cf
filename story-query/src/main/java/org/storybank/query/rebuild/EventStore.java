package org.storybank.query.rebuild;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Axon's event store table in PostgreSQL, page by page in global order. Read-only: the
 * command side owns the table; a rebuild only replays it.
 */
class EventStore implements AutoCloseable {

  private final Connection connection;

  EventStore(String url, String user, String password) throws SQLException {
    this.connection = DriverManager.getConnection(url, user, password);
    this.connection.setReadOnly(true);
  }

  long lastGlobalIndex() throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Up to {@code limit} events after {@code globalIndex}, oldest first. */
  List<StoredEvent> after(long globalIndex, int limit) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT global_index, event_identifier, aggregate_identifier, sequence_number,"
                + " time_stamp, payload_type, payload_revision, payload FROM domain_event_entry"
                + " WHERE global_index > ? ORDER BY global_index LIMIT ?")) {
      statement.setLong(1, globalIndex);
      statement.setInt(2, limit);
      List<StoredEvent> events = new ArrayList<>(limit);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          events.add(
              new StoredEvent(
                  rows.getLong(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getLong(4),
                  Instant.parse(rows.getString(5)),
                  rows.getString(6),
                  rows.getString(7),
                  rows.getBytes(8)));
        }
      }
      return events;
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
