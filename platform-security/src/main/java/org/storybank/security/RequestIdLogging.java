package org.storybank.security;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every service's log lines carry the request id after the level, unless a service sets its own
 * {@code logging.pattern.level}.
 */
class RequestIdLogging implements EnvironmentPostProcessor {

  static final String LEVEL_PATTERN = "%5p [%X{" + RequestId.MDC_KEY + ":-}]";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "storybank-request-id-logging", Map.of("logging.pattern.level", LEVEL_PATTERN)));
  }
}
