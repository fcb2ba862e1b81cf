package org.storybank.query.rebuild;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;
import org.storybank.api.cohort.CohortEvent;
import org.storybank.api.loop.LoopEvent;
import org.storybank.api.story.StoryDrafted;
import org.storybank.infra.TestServers;
import org.storybank.query.projection.EventEnvelope;

/**
 * A scratch PostgreSQL database with the command side's event store table, filled the way Axon
 * stores events (JSON payload as bytea, the payload's class name, a global index), in one {@code
 * COPY} per {@link #flush()}.
 */
final class EventStoreTable {

  private static final Instant EPOCH = Instant.parse("2026-11-01T00:00:00Z");

  private final String url;
  private final String user;
  private final String password;
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final StringBuilder rows = new StringBuilder();
  private long global;

  EventStoreTable(TestServers servers) throws Exception {
    this.url = servers.newDatabase();
    this.user = servers.postgresUser();
    this.password = servers.postgresPassword();
    try (Connection connection = connect()) {
      connection.createStatement().execute(Files.readString(schema()));
    }
  }

  EventStore reader() throws SQLException {
    return new EventStore(url, user, password);
  }

  /**
   * Appends an event of the aggregate at {@code sequence}, a second after the one before; answers
   * the envelope a rebuild will read back for it.
   */
  EventEnvelope append(String aggregateId, long sequence, Object event) throws Exception {
    global++;
    String payload = json.writeValueAsString(event);
    rows.append(global)
        .append(",e-")
        .append(global)
        .append(',')
        .append(aggregateId)
        .append(',')
        .append(sequence)
        .append(',')
        .append(aggregateType(event))
        .append(',')
        .append(EPOCH.plusSeconds(global))
        .append(',')
        .append(event.getClass().getName())
        .append(',')
        .append(event instanceof StoryDrafted ? "2" : "")
        .append(",\\x")
        .append(HexFormat.of().formatHex(payload.getBytes(StandardCharsets.UTF_8)))
        .append('\n');
    return new EventEnvelope("e-" + global, aggregateId, sequence, EPOCH.plusSeconds(global));
  }

  long lastGlobalIndex() {
    return global;
  }

  private static String aggregateType(Object event) {
    if (event instanceof CohortEvent) {
      return "Cohort";
    }
    return event instanceof LoopEvent ? "Loop" : "Story";
  }

  void flush() throws Exception {
    try (Connection connection = connect()) {
      ((PGConnection) connection.unwrap(PGConnection.class))
          .getCopyAPI()
          .copyIn(
              "COPY domain_event_entry (global_index, event_identifier, aggregate_identifier,"
                  + " sequence_number, type, time_stamp, payload_type, payload_revision, payload)"
                  + " FROM STDIN WITH (FORMAT csv)",
              new StringReader(rows.toString()));
    }
    rows.setLength(0);
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** The command side's migration, from the repository root or from this module's folder. */
  private static Path schema() {
    Path relative =
        Path.of("story-command/src/main/resources/db/migration/V1__axon_event_store.sql");
    for (Path base : List.of(Path.of("."), Path.of(".."))) {
      if (Files.exists(base.resolve(relative))) {
        return base.resolve(relative);
      }
    }
    throw new IllegalStateException(
        "cannot find " + relative + " from " + Path.of("").toAbsolutePath());
  }
}
