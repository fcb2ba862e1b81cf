package org.storybank.gateway.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Single-use, expiring password-reset codes; only their SHA-256 is stored. */
@Repository
class PasswordResets {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration timeToLive;

  PasswordResets(
      JdbcClient jdbc,
      Clock clock,
      @Value("${storybank.password-reset.time-to-live}") Duration timeToLive) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.timeToLive = timeToLive;
  }

  record ResetCode(String code, Instant expiresAt) {}

  @Transactional
  ResetCode issue(String userId, String issuedBy) {
    String code = Secrets.random();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(timeToLive);
    jdbc.sql(
            """
            INSERT INTO password_resets (code_hash, user_id, issued_by, issued_at, expires_at)
            VALUES (?, ?, ?, ?, ?)
            """)
        .params(
            Secrets.sha256(code), userId, issuedBy, Timestamp.from(now), Timestamp.from(expiresAt))
        .update();
    return new ResetCode(code, expiresAt);
  }

  /** The user the code was for, if it is live; the code is used up either way it was live. */
  @Transactional
  Optional<String> redeem(String code) {
    Instant now = clock.instant();
    return jdbc.sql(
            """
            UPDATE password_resets SET used_at = ?
            WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?
            RETURNING user_id
            """)
        .params(Timestamp.from(now), Secrets.sha256(code), Timestamp.from(now))
        .query(String.class)
        .optional();
  }
}
