package org.storybank.security.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.storybank.security.TokenClaims;

/**
 * The revocations in force, read again every {@code refreshInterval} in the background, so that a
 * request only looks them up in memory. When the source cannot be read, the last list read is
 * trusted for {@code maxStaleness}; after that (and before the first read) no token can be vouched
 * for and {@link #check} answers {@link Verdict#UNVERIFIABLE}.
 */
public final class RevocationList implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RevocationList.class);

  /** What a token's revocation check found. */
  public enum Verdict {
    VALID,
    REVOKED,
    UNVERIFIABLE
  }

  private record Snapshot(Map<String, List<Revocation>> byUser, Instant readAt) {}

  private final RevocationSource source;
  private final Clock clock;
  private final Duration refreshInterval;
  private final Duration maxStaleness;
  private volatile Snapshot snapshot;
  private volatile boolean failing;
  private ScheduledExecutorService refresher;

  public RevocationList(
      RevocationSource source, Clock clock, Duration refreshInterval, Duration maxStaleness) {
    this.source = source;
    this.clock = clock;
    this.refreshInterval = refreshInterval;
    this.maxStaleness = maxStaleness;
  }

  /** The gateway's table ({@code identity.revocations}) in this database. */
  public static RevocationList fromDatabase(
      DataSource dataSource, Clock clock, Duration refreshInterval, Duration maxStaleness) {
    return new RevocationList(
        new JdbcRevocationSource(dataSource), clock, refreshInterval, maxStaleness);
  }

  /** Reads the list now and then every refresh interval on a thread of its own. */
  public synchronized void start() {
    if (refresher != null) {
      return;
    }
    refresh();
    refresher =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "revocation-list");
              thread.setDaemon(true);
              return thread;
            });
    long millis = refreshInterval.toMillis();
    refresher.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Reads the source once; a failure keeps the list read before. */
  public void refresh() {
    Instant startedAt = clock.instant();
    try {
      Map<String, List<Revocation>> byUser =
          source.current().stream().collect(Collectors.groupingBy(Revocation::userId));
      snapshot = new Snapshot(byUser, startedAt);
      if (failing) {
        log.info("revocations readable again ({} in force)", byUser.size());
        failing = false;
      }
    } catch (Exception e) {
      if (!failing) {
        log.warn(
            "cannot read the revocations ({}); the list read at {} is trusted until {} after it",
            e.getMessage(),
            snapshot == null ? "no time" : snapshot.readAt(),
            maxStaleness);
        failing = true;
      }
    }
  }

  public Verdict check(Jwt token) {
    Snapshot current = snapshot;
    if (current == null
        || Duration.between(current.readAt(), clock.instant()).compareTo(maxStaleness) > 0) {
      return Verdict.UNVERIFIABLE;
    }
    List<Revocation> ofUser = current.byUser().get(token.getSubject());
    if (ofUser == null) {
      return Verdict.VALID;
    }
    String session = token.getClaimAsString(TokenClaims.SESSION);
    List<String> cohorts = token.getClaimAsStringList(TokenClaims.COHORTS);
    Instant issuedAt = issuedAt(token);
    boolean revoked =
        ofUser.stream()
            .anyMatch(
                revocation ->
                    revocation.covers(session, cohorts == null ? List.of() : cohorts, issuedAt));
    return revoked ? Verdict.REVOKED : Verdict.VALID;
  }

  /**
   * The exact issue time when the token carries it; else the start of its {@code iat} second, so
   * that a token from the second of a revocation counts as issued before it.
   */
  static Instant issuedAt(Jwt token) {
    Object millis = token.getClaims().get(TokenClaims.ISSUED_AT_MILLIS);
    if (millis instanceof Number number) {
      return Instant.ofEpochMilli(number.longValue());
    }
    return token.getIssuedAt() == null ? Instant.EPOCH : token.getIssuedAt();
  }

  @Override
  public synchronized void close() {
    if (refresher != null) {
      refresher.shutdownNow();
      refresher = null;
    }
  }
}
