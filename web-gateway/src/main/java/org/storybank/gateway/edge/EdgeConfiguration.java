package org.storybank.gateway.edge;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the gateway adds in front of the services: safe retries of writes, 503 for a dead one. */
@Configuration
class EdgeConfiguration {

  /**
   * After Spring Security (the caller is known) and the rate limits (a refused call claims no key).
   */
  @Bean
  FilterRegistrationBean<IdempotentPosts> idempotentPosts(IdempotencyKeys keys) {
    FilterRegistrationBean<IdempotentPosts> registration =
        new FilterRegistrationBean<>(new IdempotentPosts(keys));
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }

  @Bean
  UnreachableService unreachableService() {
    return new UnreachableService();
  }
}
