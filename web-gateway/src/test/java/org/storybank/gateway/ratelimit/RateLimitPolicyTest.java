package org.storybank.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.storybank.gateway.ratelimit.RateLimitPolicy.Kind;
import org.storybank.gateway.ratelimit.RateLimitPolicy.Limit;

class RateLimitPolicyTest {

  private final RateLimitPolicy policy = new RateLimitPolicy(new Limit(60, 10), new Limit(600, 50));

  @Test
  void writesAreEveryChangingCallUnderTheApiButSigningInAndOut() {
    assertThat(policy.kindOf("POST", "/api/stories")).contains(Kind.WRITES);
    assertThat(policy.kindOf("PUT", "/api/stories/s-1")).contains(Kind.WRITES);
    assertThat(policy.kindOf("PATCH", "/api/cohorts/c-1")).contains(Kind.WRITES);
    assertThat(policy.kindOf("DELETE", "/api/drills/d-1")).contains(Kind.WRITES);
    assertThat(policy.kindOf("POST", "/api/stories/imports"))
        .as("a whole bank import is one write")
        .contains(Kind.WRITES);
    assertThat(policy.kindOf("POST", "/api/admin/accounts")).contains(Kind.WRITES);
    assertThat(policy.kindOf("POST", "/api/auth/login")).isEmpty();
    assertThat(policy.kindOf("POST", "/api/auth/logout")).isEmpty();
    assertThat(policy.kindOf("POST", "/login")).isEmpty();
  }

  @Test
  void searchesAreReadsOfTheSearchPathsOnly() {
    assertThat(policy.kindOf("GET", "/api/search/stories")).contains(Kind.SEARCHES);
    assertThat(policy.kindOf("GET", "/api/stories/s-1")).isEmpty();
    assertThat(policy.kindOf("GET", "/api/analytics/cohorts/c-1/pitfalls")).isEmpty();
    assertThat(policy.kindOf("HEAD", "/api/search/stories")).isEmpty();
    assertThat(policy.kindOf("OPTIONS", "/api/stories")).isEmpty();
  }

  @Test
  void aLimitOfZeroAMinuteCountsNothing() {
    RateLimitPolicy searchesOnly = new RateLimitPolicy(new Limit(0, 0), new Limit(600, 50));

    assertThat(searchesOnly.kindOf("POST", "/api/stories")).isEmpty();
    assertThat(searchesOnly.kindOf("GET", "/api/search/stories")).contains(Kind.SEARCHES);
  }

  @Test
  void aLimitWithARateNeedsABurst() {
    assertThatThrownBy(() -> new Limit(60, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Limit(-1, 5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBucketLetsTheBurstThroughThenOneRequestPerRefillAndSaysHowLongToWait() {
    FakeTime time = new FakeTime();
    Bucket bucket =
        Bucket.builder()
            .withCustomTimePrecision(time)
            .addLimit(policy.writes().bucket().getBandwidths()[0])
            .build();

    for (int i = 0; i < 10; i++) {
      assertThat(bucket.tryConsume(1)).as("request %d of the burst", i + 1).isTrue();
    }
    ConsumptionProbe refused = bucket.tryConsumeAndReturnRemaining(1);
    assertThat(refused.isConsumed()).isFalse();
    assertThat(RateLimitPolicy.retryAfterSeconds(refused.getNanosToWaitForRefill()))
        .as("60 a minute: one more a second")
        .isEqualTo(1);

    time.advance(Duration.ofSeconds(1));
    assertThat(bucket.tryConsume(1)).isTrue();
    assertThat(bucket.tryConsume(1)).isFalse();

    time.advance(Duration.ofMinutes(5));
    assertThat(bucket.getAvailableTokens()).as("never more than the burst").isEqualTo(10);
  }

  @Test
  void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
    assertThat(RateLimitPolicy.retryAfterSeconds(0)).isEqualTo(1);
    assertThat(RateLimitPolicy.retryAfterSeconds(1)).isEqualTo(1);
    assertThat(RateLimitPolicy.retryAfterSeconds(1_000_000_000L)).isEqualTo(1);
    assertThat(RateLimitPolicy.retryAfterSeconds(1_000_000_001L)).isEqualTo(2);
    assertThat(RateLimitPolicy.retryAfterSeconds(Duration.ofSeconds(12).toNanos())).isEqualTo(12);
  }

  @Test
  void aChangedLimitIsAnotherBucket() {
    RateLimitPolicy lowered = new RateLimitPolicy(new Limit(30, 10), new Limit(600, 50));

    assertThat(policy.bucketKey("a-1", Kind.WRITES))
        .isNotEqualTo(lowered.bucketKey("a-1", Kind.WRITES))
        .isNotEqualTo(policy.bucketKey("a-1", Kind.SEARCHES))
        .isNotEqualTo(policy.bucketKey("a-2", Kind.WRITES));
    assertThat(policy.bucketKey("a-1", Kind.SEARCHES))
        .isEqualTo(lowered.bucketKey("a-1", Kind.SEARCHES));
    assertThat(policy.bucketKey("a-1", Kind.WRITES)).isEqualTo("writes/60/10/a-1");
  }

  private static final class FakeTime implements TimeMeter {
    private long nanos = 1_000_000_000L;

    void advance(Duration by) {
      nanos += by.toNanos();
    }

    @Override
    public long currentTimeNanos() {
      return nanos;
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }
}
