package org.storybank.gateway.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CoachAssignmentCheckConfiguration {

  /** After Spring Security (it needs the caller), before routing. */
  @Bean
  FilterRegistrationBean<CoachAssignmentCheck> coachAssignmentCheck(
      Accounts accounts, ObjectMapper json) {
    FilterRegistrationBean<CoachAssignmentCheck> registration =
        new FilterRegistrationBean<>(new CoachAssignmentCheck(accounts, json));
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
    registration.addUrlPatterns("/api/cohorts", "/api/cohorts/*");
    return registration;
  }
}
