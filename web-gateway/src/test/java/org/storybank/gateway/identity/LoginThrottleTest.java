package org.storybank.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final AtomicLong nanos = new AtomicLong();
  private final LoginThrottle throttle =
      new LoginThrottle(3, 5, Duration.ofSeconds(30), Duration.ofMinutes(15), nanos::get);

  private void pass(Duration time) {
    nanos.addAndGet(time.toNanos());
  }

  @Test
  void wrongPasswordsFromOneAddressNeverHoldBackTheOwnerElsewhere() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.refusal("Ada@Example.org", "10.0.0.66")).isEmpty();
      throttle.failed("ada@example.org ", "10.0.0.66");
    }
    assertThat(throttle.refusal("ada@example.org", "10.0.0.66")).contains(Duration.ofSeconds(30));
    assertThat(throttle.refusal("ada@example.org", "192.168.1.7"))
        .as("the owner, from their own address")
        .isEmpty();
    assertThat(throttle.refusal("bob@example.org", "10.0.0.66"))
        .as("other accounts are not affected")
        .isEmpty();
  }

  @Test
  void theDelayGrowsWithEachFurtherFailureUpToTheWindow() {
    LoginThrottle throttle =
        new LoginThrottle(3, 1_000, Duration.ofSeconds(30), Duration.ofMinutes(15), nanos::get);
    for (int i = 0; i < 3; i++) {
      throttle.failed("ada@example.org", "10.0.0.66");
    }
    assertThat(throttle.refusal("ada@example.org", "10.0.0.66")).contains(Duration.ofSeconds(30));
    pass(Duration.ofSeconds(31));
    assertThat(throttle.refusal("ada@example.org", "10.0.0.66")).isEmpty();

    throttle.failed("ada@example.org", "10.0.0.66");
    assertThat(throttle.refusal("ada@example.org", "10.0.0.66")).contains(Duration.ofSeconds(60));
    pass(Duration.ofSeconds(61));
    throttle.failed("ada@example.org", "10.0.0.66");
    assertThat(throttle.refusal("ada@example.org", "10.0.0.66")).contains(Duration.ofSeconds(120));
    for (int i = 0; i < 10; i++) {
      throttle.failed("ada@example.org", "10.0.0.66");
    }
    assertThat(throttle.refusal("ada@example.org", "10.0.0.66")).contains(Duration.ofMinutes(15));

    pass(Duration.ofMinutes(16));
    assertThat(throttle.refusal("ada@example.org", "10.0.0.66"))
        .as("forgotten a window after the last failure")
        .isEmpty();
    throttle.failed("ada@example.org", "10.0.0.66");
    assertThat(throttle.refusal("ada@example.org", "10.0.0.66")).isEmpty();
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
  void aSuccessClearsThePairsCount() {
    throttle.failed("ada@example.org", "10.0.0.1");
    throttle.failed("ada@example.org", "10.0.0.1");
    throttle.succeeded("ada@example.org", "10.0.0.1");
    throttle.failed("ada@example.org", "10.0.0.1");
    throttle.failed("ada@example.org", "10.0.0.1");
    assertThat(throttle.refusal("ada@example.org", "10.0.0.1")).isEmpty();
  }
}
