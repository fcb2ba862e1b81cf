package org.storybank.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.Optional;

/**
 * Which requests an account's rate limits count, and how many of each it may make: every write
 * (POST, PUT, PATCH, DELETE under {@code /api/}, signing in and out aside, which have their own
 * throttle) and every search ({@code GET /api/search/…}), each kind in a bucket of its own that
 * holds {@code burst} requests and refills {@code perMinute} a minute. A limit of 0 a minute is no
 * limit.
 */
record RateLimitPolicy(Limit writes, Limit searches) {

  enum Kind {
    WRITES,
    SEARCHES
  }

  record Limit(int perMinute, int burst) {

    Limit {
      if (perMinute < 0 || burst < 0 || (perMinute > 0 && burst == 0)) {
        throw new IllegalArgumentException(
            "a rate limit needs a rate of 0 (none) or more a minute and a burst of 1 or more: "
                + perMinute
                + "/"
                + burst);
      }
    }

    boolean unlimited() {
      return perMinute == 0;
    }

    BucketConfiguration bucket() {
      return BucketConfiguration.builder()
          .addLimit(limit -> limit.capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)))
          .build();
    }
  }

  Optional<Kind> kindOf(String method, String path) {
    if (!path.startsWith("/api/")) {
      return Optional.empty();
    }
    Kind kind =
        switch (method) {
          case "POST", "PUT", "PATCH", "DELETE" ->
              path.startsWith("/api/auth/") ? null : Kind.WRITES;
          case "GET" -> path.startsWith("/api/search/") ? Kind.SEARCHES : null;
          default -> null;
        };
    return Optional.ofNullable(kind).filter(counted -> !limitOf(counted).unlimited());
  }

  Limit limitOf(Kind kind) {
    return kind == Kind.WRITES ? writes : searches;
  }

  /**
   * The key of an account's bucket of one kind. The limit is part of it, so that a changed setting
   * starts fresh buckets instead of meeting ones stored under the old setting.
   */
  String bucketKey(String accountId, Kind kind) {
    Limit limit = limitOf(kind);
    return kind.name().toLowerCase()
        + "/"
        + limit.perMinute()
        + "/"
        + limit.burst()
        + "/"
        + accountId;
  }

  /** Whole seconds to wait, rounded up, at least one (what {@code Retry-After} can say). */
  static long retryAfterSeconds(long nanosToWait) {
    return Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
  }
}
