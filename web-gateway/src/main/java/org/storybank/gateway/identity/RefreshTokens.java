package org.storybank.gateway.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque refresh tokens: 256 random bits handed out once, only their SHA-256 stored. A token is
 * used once; its replacement belongs to the same family. A replaced token that comes back has
 * leaked, so the whole family is revoked and neither the thief nor the owner can refresh any more.
 */
@Repository
class RefreshTokens {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration timeToLive;

  RefreshTokens(
      JdbcClient jdbc,
      Clock clock,
      @Value("${storybank.tokens.refresh-time-to-live}") Duration timeToLive) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.timeToLive = timeToLive;
  }

  Duration timeToLive() {
    return timeToLive;
  }

  /** A new family: what a login starts. */
  @Transactional
  String issue(String userId) {
    return start(userId).refreshToken();
  }

  /** A login's first refresh token and its family, the session its access tokens name. */
  record Started(UUID familyId, String refreshToken) {}

  @Transactional
  Started start(String userId) {
    UUID familyId = UUID.randomUUID();
    return new Started(familyId, insert(familyId, userId));
  }

  record Rotated(String userId, UUID familyId, String refreshToken) {}

  /** The session a logout ended. */
  record Ended(String userId, UUID familyId) {}

  /**
   * The user and a replacement token, if this token is live; a replaced token revokes its family.
   */
  @Transactional
  Optional<Rotated> rotate(String token) {
    Optional<Row> found =
        jdbc.sql(
                """
                SELECT family_id, user_id, expires_at, replaced_at, revoked_at
                FROM refresh_tokens WHERE token_hash = ? FOR UPDATE
                """)
            .param(hash(token))
            .query(
                (row, n) ->
                    new Row(
                        row.getObject("family_id", UUID.class),
                        row.getString("user_id"),
                        row.getTimestamp("expires_at").toInstant(),
                        row.getTimestamp("replaced_at") != null,
                        row.getTimestamp("revoked_at") != null))
            .optional();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Row row = found.get();
    Instant now = clock.instant();
    if (row.replaced()) {
      revokeFamily(row.familyId());
      return Optional.empty();
    }
    if (row.revoked() || !row.expiresAt().isAfter(now)) {
      return Optional.empty();
    }
    jdbc.sql("UPDATE refresh_tokens SET replaced_at = ? WHERE token_hash = ?")
        .params(Timestamp.from(now), hash(token))
        .update();
    return Optional.of(
        new Rotated(row.userId(), row.familyId(), insert(row.familyId(), row.userId())));
  }

  /** Logout: this token's family ends; an unknown token changes nothing. */
  @Transactional
  Optional<Ended> revoke(String token) {
    Optional<Ended> ended =
        jdbc.sql("SELECT user_id, family_id FROM refresh_tokens WHERE token_hash = ?")
            .param(hash(token))
            .query((row, n) -> new Ended(row.getString(1), row.getObject(2, UUID.class)))
            .optional();
    ended.map(Ended::familyId).ifPresent(this::revokeFamily);
    return ended;
  }

  @Transactional
  int revokeAllOf(String userId) {
    return jdbc.sql(
            "UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
        .params(Timestamp.from(clock.instant()), userId)
        .update();
  }

  private void revokeFamily(UUID familyId) {
    jdbc.sql("UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL")
        .params(Timestamp.from(clock.instant()), familyId)
        .update();
  }

  private String insert(UUID familyId, String userId) {
    String token = Secrets.random();
    Instant now = clock.instant();
    jdbc.sql(
            """
            INSERT INTO refresh_tokens (token_hash, family_id, user_id, issued_at, expires_at)
            VALUES (?, ?, ?, ?, ?)
            """)
        .params(
            hash(token),
            familyId,
            userId,
            Timestamp.from(now),
            Timestamp.from(now.plus(timeToLive)))
        .update();
    return token;
  }

  static String hash(String token) {
    return Secrets.sha256(token);
  }

  private record Row(
      UUID familyId, String userId, Instant expiresAt, boolean replaced, boolean revoked) {}
}
