package org.storybank.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final AtomicLong nanos = new AtomicLong();
  private final LoginThrottle throttle =
      new LoginThrottle(3, 5, Duration.ofMinutes(15), nanos::get);

  @Test
  void anAccountIsRefusedAfterTooManyFailuresUntilTheWindowPasses() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.refusal("Ada@Example.org", "10.0.0." + i)).isEmpty();
      throttle.failed("ada@example.org ", "10.0.0." + i);
    }
    assertThat(throttle.refusal("ada@example.org", "10.0.0.9")).contains(Duration.ofMinutes(15));
    assertThat(throttle.refusal("bob@example.org", "10.0.0.9"))
        .as("other accounts are not affected")
        .isEmpty();

    nanos.addAndGet(Duration.ofMinutes(16).toNanos());
    assertThat(throttle.refusal("ada@example.org", "10.0.0.9")).isEmpty();
  }

  @Test
  void anAddressIsRefusedAfterTooManyFailuresAcrossAccounts() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("user" + i + "@example.org", "10.0.0.1");
    }
    assertThat(throttle.refusal("someone-new@example.org", "10.0.0.1")).isPresent();
    assertThat(throttle.refusal("someone-new@example.org", "10.0.0.2")).isEmpty();
  }

  @Test
  void aSuccessClearsTheAccountsCount() {
    throttle.failed("ada@example.org", "10.0.0.1");
    throttle.failed("ada@example.org", "10.0.0.1");
    throttle.succeeded("ada@example.org");
    throttle.failed("ada@example.org", "10.0.0.1");
    throttle.failed("ada@example.org", "10.0.0.1");
    assertThat(throttle.refusal("ada@example.org", "10.0.0.3")).isEmpty();
  }
}
