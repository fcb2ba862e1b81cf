package org.storybank.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storybank.gateway.ratelimit.RateLimitPolicy.Kind;

/**
 * Takes one request from an account's bucket, kept in PostgreSQL by Bucket4j, so that every gateway
 * instance draws on the same bucket. When the buckets cannot be read (the database is down), the
 * request goes through and the store is left alone for {@link #PAUSE_AFTER_FAILURE}: a limit
 * against abuse must not turn a database outage into refused searches, which need no database.
 */
final class RateLimiter {

  static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

  /** Allowed, or refused with the whole seconds to wait. */
  record Decision(boolean allowed, long retryAfterSeconds) {
    static final Decision ALLOWED = new Decision(true, 0);
  }

  private final RateLimitPolicy policy;
  private final ProxyManager<String> buckets;
  private final Clock clock;
  private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.MIN);

  RateLimiter(RateLimitPolicy policy, ProxyManager<String> buckets, Clock clock) {
    this.policy = policy;
    this.buckets = buckets;
    this.clock = clock;
  }

  Decision take(String accountId, Kind kind) {
    if (clock.instant().isBefore(pausedUntil.get())) {
      return Decision.ALLOWED;
    }
    ConsumptionProbe probe;
    try {
      probe =
          buckets
              .builder()
              .build(policy.bucketKey(accountId, kind), () -> policy.limitOf(kind).bucket())
              .tryConsumeAndReturnRemaining(1);
    } catch (RuntimeException e) {
      pausedUntil.set(clock.instant().plus(PAUSE_AFTER_FAILURE));
      log.warn(
          "rate limits not applied for {}: their buckets cannot be read ({})",
          PAUSE_AFTER_FAILURE,
          e.getMessage());
      return Decision.ALLOWED;
    }
    return probe.isConsumed()
        ? Decision.ALLOWED
        : new Decision(false, RateLimitPolicy.retryAfterSeconds(probe.getNanosToWaitForRefill()));
  }
}
