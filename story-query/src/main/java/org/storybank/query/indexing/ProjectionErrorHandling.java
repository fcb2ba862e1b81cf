package org.storybank.query.indexing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration
class ProjectionErrorHandling {

  private static final Logger log = LoggerFactory.getLogger(ProjectionErrorHandling.class);

  /**
   * Unreadable records are skipped by the listener itself; what reaches this handler is a failed
   * write (Elasticsearch down or overloaded). Skipping would lose the event, so retry the same
   * record with back-off for as long as it takes.
   */
  @Bean
  CommonErrorHandler retryUntilIndexed() {
    ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxInterval(10_000);
    DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
    // each failed attempt is logged with its cause: a record that can never be written would
    // otherwise hold its partition back without a word
    handler.setRetryListeners(
        (record, exception, attempt) ->
            log.warn(
                "indexing {}-{}@{} failed (attempt {}), retrying",
                record.topic(),
                record.partition(),
                record.offset(),
                attempt,
                exception));
    return handler;
  }
}
