package org.storybank.gateway.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows down password guessing without handing anyone a way to lock someone else out. Failures
 * count per account and address together: after {@code failuresBeforeDelay} wrong passwords for one
 * account from one address, that pair waits before its next attempt, {@code firstDelay} at first
 * and twice as long after each further failure, at most {@code window}; the right password from any
 * other address is never held back. An address that fails on many accounts (spraying) is refused
 * across accounts after {@code failuresPerAddress} within the window. A success clears the pair; a
 * pair is forgotten {@code window} after its last failure.
 */
public final class LoginThrottle {

  private record Failures(int count, long lastNanos) {}

  private final int failuresBeforeDelay;
  private final int failuresPerAddress;
  private final Duration firstDelay;
  private final Duration window;
  private final Ticker ticker;
  private final Cache<String, Failures> byAccountAndAddress;
  private final Cache<String, AtomicInteger> byAddress;

  public LoginThrottle(
      int failuresBeforeDelay,
      int failuresPerAddress,
      Duration firstDelay,
      Duration window,
      Ticker ticker) {
    this.failuresBeforeDelay = failuresBeforeDelay;
    this.failuresPerAddress = failuresPerAddress;
    this.firstDelay = firstDelay;
    this.window = window;
    this.ticker = ticker;
    this.byAccountAndAddress =
        Caffeine.newBuilder().expireAfterWrite(window).ticker(ticker).maximumSize(100_000).build();
    this.byAddress =
        Caffeine.newBuilder().expireAfterWrite(window).ticker(ticker).maximumSize(100_000).build();
  }

  /** How long to wait, if this attempt must be refused before even checking the password. */
  public Optional<Duration> refusal(String email, String address) {
    AtomicInteger fromAddress = byAddress.getIfPresent(address);
    if (fromAddress != null && fromAddress.get() >= failuresPerAddress) {
      return Optional.of(window);
    }
    Failures failures = byAccountAndAddress.getIfPresent(key(email, address));
    if (failures == null || failures.count() < failuresBeforeDelay) {
      return Optional.empty();
    }
    long waitedNanos = ticker.read() - failures.lastNanos();
    long remaining = delayAfter(failures.count()).toNanos() - waitedNanos;
    return remaining > 0
        ? Optional.of(Duration.ofSeconds((remaining + 999_999_999L) / 1_000_000_000L))
        : Optional.empty();
  }

  /** The wait after {@code count} failures: the first delay, doubled per further failure. */
  Duration delayAfter(int count) {
    int doublings = Math.min(count - failuresBeforeDelay, 30);
    Duration delay = firstDelay.multipliedBy(1L << doublings);
    return delay.compareTo(window) > 0 ? window : delay;
  }

  public void failed(String email, String address) {
    long now = ticker.read();
    byAccountAndAddress
        .asMap()
        .merge(
            key(email, address),
            new Failures(1, now),
            (old, one) -> new Failures(old.count() + 1, now));
    // the first failure from an address opens its window; later ones count without extending it
    AtomicInteger existing = byAddress.getIfPresent(address);
    if (existing != null) {
      existing.incrementAndGet();
    } else {
      byAddress
          .asMap()
          .merge(
              address,
              new AtomicInteger(1),
              (old, one) -> {
                old.incrementAndGet();
                return old;
              });
    }
  }

  public void succeeded(String email, String address) {
    byAccountAndAddress.invalidate(key(email, address));
  }

  private static String key(String email, String address) {
    return Accounts.normalise(email) + '\n' + address;
  }
}
