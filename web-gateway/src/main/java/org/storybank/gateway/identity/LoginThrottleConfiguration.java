package org.storybank.gateway.identity;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class LoginThrottleConfiguration {

  @Bean
  LoginThrottle loginThrottle(
      @Value("${storybank.login.failures-per-account}") int perAccountAndAddress,
      @Value("${storybank.login.failures-per-address}") int perAddress,
      @Value("${storybank.login.first-delay}") Duration firstDelay,
      @Value("${storybank.login.window}") Duration window) {
    return new LoginThrottle(
        perAccountAndAddress, perAddress, firstDelay, window, Ticker.systemTicker());
  }
}
