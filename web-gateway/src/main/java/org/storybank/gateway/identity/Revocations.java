package org.storybank.gateway.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes what every service refuses from now on (the table of V5): the revocation time is taken
 * after the change it follows has been made, from the clock that stamps the tokens, so any token
 * issued before it may still carry the old state and any issued after it cannot.
 */
@Repository
class Revocations {

  /** A token is accepted until its expiry plus the services' clock allowance; then some margin. */
  private static final Duration EXPIRY_ALLOWANCE = Duration.ofMinutes(2);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration keepFor;

  Revocations(
      JdbcClient jdbc,
      Clock clock,
      @Value("${storybank.tokens.time-to-live}") Duration accessTokenTimeToLive) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.keepFor = accessTokenTimeToLive.plus(EXPIRY_ALLOWANCE);
  }

  void accountLocked(String userId) {
    insert(userId, null, null, "locked");
  }

  void passwordReset(String userId) {
    insert(userId, null, null, "password-reset");
  }

  void loggedOut(String userId, String sessionId) {
    insert(userId, sessionId, null, "logged-out");
  }

  /** A replaced coach, a removed candidate: tokens naming the cohort are refused. */
  void leftCohort(String userId, String cohortId) {
    insert(userId, null, cohortId, "left-cohort");
  }

  /**
   * In a transaction, once it has committed: until then a token may still be issued on the old
   * state.
   */
  private void insert(String userId, String sessionId, String cohortId, String reason) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              write(userId, sessionId, cohortId, reason);
            }
          });
    } else {
      write(userId, sessionId, cohortId, reason);
    }
  }

  private void write(String userId, String sessionId, String cohortId, String reason) {
    Instant now = clock.instant();
    jdbc.sql("DELETE FROM revocations WHERE expires_at < ?").param(Timestamp.from(now)).update();
    jdbc.sql(
            """
            INSERT INTO revocations (user_id, session_id, cohort_id, reason, revoked_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        .params(
            userId,
            sessionId,
            cohortId,
            reason,
            Timestamp.from(now),
            Timestamp.from(now.plus(keepFor)))
        .update();
  }
}
