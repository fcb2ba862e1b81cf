package org.storybank.gateway.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows down password guessing: after too many failed logins for one account, or from one address,
 * within the window, further attempts are refused until the window has passed since the first
 * failure. A successful login clears the account's count.
 */
public final class LoginThrottle {

  private final int failuresPerAccount;
  private final int failuresPerAddress;
  private final Duration window;
  private final Cache<String, AtomicInteger> byAccount;
  private final Cache<String, AtomicInteger> byAddress;

  public LoginThrottle(
      int failuresPerAccount, int failuresPerAddress, Duration window, Ticker ticker) {
    this.failuresPerAccount = failuresPerAccount;
    this.failuresPerAddress = failuresPerAddress;
    this.window = window;
    this.byAccount =
        Caffeine.newBuilder().expireAfterWrite(window).ticker(ticker).maximumSize(100_000).build();
    this.byAddress =
        Caffeine.newBuilder().expireAfterWrite(window).ticker(ticker).maximumSize(100_000).build();
  }

  /** How long to wait, if this attempt must be refused before even checking the password. */
  public Optional<Duration> refusal(String email, String address) {
    boolean blocked =
        count(byAccount, Accounts.normalise(email)) >= failuresPerAccount
            || count(byAddress, address) >= failuresPerAddress;
    return blocked ? Optional.of(window) : Optional.empty();
  }

  public void failed(String email, String address) {
    increment(byAccount, Accounts.normalise(email));
    increment(byAddress, address);
  }

  public void succeeded(String email) {
    byAccount.invalidate(Accounts.normalise(email));
  }

  private static int count(Cache<String, AtomicInteger> counts, String key) {
    AtomicInteger count = counts.getIfPresent(key);
    return count == null ? 0 : count.get();
  }

  /** The first failure opens the window; later ones count within it without extending it. */
  private static void increment(Cache<String, AtomicInteger> counts, String key) {
    AtomicInteger existing = counts.getIfPresent(key);
    if (existing != null) {
      existing.incrementAndGet();
    } else {
      counts
          .asMap()
          .merge(
              key,
              new AtomicInteger(1),
              (old, one) -> {
                old.incrementAndGet();
                return old;
              });
    }
  }
}
