package org.storybank.query.indexing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration
class ProjectionErrorHandling {

  /**
   * Unreadable records are skipped by the listener itself; what reaches this handler is a failed
   * write (Elasticsearch down or overloaded). Skipping would lose the event, so retry the same
   * record with back-off for as long as it takes.
   */
  @Bean
  CommonErrorHandler retryUntilIndexed() {
    ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxInterval(10_000);
    return new DefaultErrorHandler(backOff);
  }
}
