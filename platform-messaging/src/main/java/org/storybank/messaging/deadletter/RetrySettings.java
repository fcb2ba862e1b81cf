package org.storybank.messaging.deadletter;

import java.time.Duration;

/**
 * How a consumer retries a record that failed.
 *
 * @param firstInterval the wait before the first retry; it doubles each time
 * @param maxInterval the longest wait between two tries of a transient failure (retried forever)
 * @param attemptsBeforeDeadLetter how often a failure that is not transient is tried in all
 */
public record RetrySettings(
    Duration firstInterval, Duration maxInterval, int attemptsBeforeDeadLetter) {

  public RetrySettings {
    if (attemptsBeforeDeadLetter < 1) {
      throw new IllegalArgumentException("attemptsBeforeDeadLetter must be at least 1");
    }
  }
}
