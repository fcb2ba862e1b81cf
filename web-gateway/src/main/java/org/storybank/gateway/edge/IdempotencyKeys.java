package org.storybank.gateway.edge;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The answers given under each caller's Idempotency-Keys, in PostgreSQL so that every gateway
 * instance answers a retry the same. A key is claimed before its request is forwarded, so two
 * requests racing with one key cannot both go through.
 */
@Repository
class IdempotencyKeys {

  /** How long an answer is kept for a retry. */
  static final Duration KEPT = Duration.ofHours(24);

  /** A claim older than this was left by a gateway that stopped; the next retry may take it. */
  static final Duration ABANDONED = Duration.ofMinutes(2);

  record Answer(int status, String contentType, String location, byte[] body) {}

  /** What is known of a key: claimed and still running, or answered. */
  record Entry(String fingerprint, Answer answer, Instant createdAt) {
    boolean pending() {
      return answer == null;
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

  IdempotencyKeys(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Claims the key for a request; false when the key is known already. */
  boolean claim(String callerId, String key, String fingerprint) {
    sweepNowAndThen();
    return jdbc.sql(
                """
                INSERT INTO idempotency_keys (caller_id, idem_key, fingerprint, state, created_at)
                VALUES (?, ?, ?, 'pending', ?) ON CONFLICT DO NOTHING
                """)
            .params(callerId, key, fingerprint, Timestamp.from(clock.instant()))
            .update()
        == 1;
  }

  /** Takes over a claim its gateway abandoned; false when someone else moved first. */
  boolean takeOver(String callerId, String key, Instant claimedAt) {
    return jdbc.sql(
                """
                UPDATE idempotency_keys SET created_at = ?
                 WHERE caller_id = ? AND idem_key = ? AND state = 'pending' AND created_at = ?
                """)
            .params(Timestamp.from(clock.instant()), callerId, key, Timestamp.from(claimedAt))
            .update()
        == 1;
  }

  Optional<Entry> find(String callerId, String key) {
    return jdbc.sql(
            """
            SELECT fingerprint, state, status, content_type, location, body, created_at
              FROM idempotency_keys WHERE caller_id = ? AND idem_key = ?
            """)
        .params(callerId, key)
        .query(
            (row, n) ->
                new Entry(
                    row.getString("fingerprint"),
                    "done".equals(row.getString("state"))
                        ? new Answer(
                            row.getInt("status"),
                            row.getString("content_type"),
                            row.getString("location"),
                            row.getBytes("body"))
                        : null,
                    row.getTimestamp("created_at").toInstant()))
        .optional();
  }

  void answered(String callerId, String key, Answer answer) {
    jdbc.sql(
            """
            UPDATE idempotency_keys SET state = 'done', status = ?, content_type = ?, location = ?,
                   body = ? WHERE caller_id = ? AND idem_key = ?
            """)
        .params(
            answer.status(), answer.contentType(), answer.location(), answer.body(), callerId, key)
        .update();
  }

  /** The request failed on the way (a 5xx, or no answer): a retry may run it again. */
  void release(String callerId, String key) {
    jdbc.sql(
            "DELETE FROM idempotency_keys WHERE caller_id = ? AND idem_key = ? AND state = 'pending'")
        .params(callerId, key)
        .update();
  }

  boolean abandoned(Entry entry) {
    return entry.pending() && entry.createdAt().plus(ABANDONED).isBefore(clock.instant());
  }

  /** At most once a minute, the answers older than a day go. */
  private void sweepNowAndThen() {
    Instant now = clock.instant();
    Instant last = lastSweep.get();
    if (last.plus(Duration.ofMinutes(1)).isBefore(now) && lastSweep.compareAndSet(last, now)) {
      jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < ?")
          .param(Timestamp.from(now.minus(KEPT)))
          .update();
    }
  }
}
