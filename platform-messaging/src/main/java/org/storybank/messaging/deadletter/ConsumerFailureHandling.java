package org.storybank.messaging.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The one error handler of every consumer of our topics. An unreadable record is dead-lettered at
 * once; a transient failure (a server down or refusing writes) is retried with exponential back-off
 * until it passes, holding its partition back so that nothing is lost or reordered; any other
 * failure is tried a few times and then dead-lettered, so that it never blocks its partition.
 */
public final class ConsumerFailureHandling {

  private static final Logger log = LoggerFactory.getLogger(ConsumerFailureHandling.class);

  private ConsumerFailureHandling() {}

  public static DefaultErrorHandler errorHandler(
      KafkaOperations<?, ?> deadLetters,
      MeterRegistry meters,
      TransientFailures transients,
      RetrySettings settings) {
    DefaultErrorHandler handler =
        new DefaultErrorHandler(new DeadLetterRecoverer(deadLetters, meters));
    handler.setBackOffFunction((record, failure) -> backOff(failure, transients, settings));
    handler.setRetryListeners(
        (record, failure, attempt) ->
            log.warn(
                "{}-{}@{} failed (attempt {}): {}",
                record.topic(),
                record.partition(),
                record.offset(),
                attempt,
                FailureReasons.reason(failure)));
    return handler;
  }

  static BackOff backOff(Throwable failure, TransientFailures transients, RetrySettings settings) {
    if (FailureReasons.isUnreadable(failure)) {
      return new FixedBackOff(0, 0);
    }
    ExponentialBackOff backOff = new ExponentialBackOff(settings.firstInterval().toMillis(), 2.0);
    backOff.setMaxInterval(settings.maxInterval().toMillis());
    if (!transients.isTransient(failure)) {
      backOff.setMaxAttempts(settings.attemptsBeforeDeadLetter() - 1);
    }
    return backOff;
  }
}
