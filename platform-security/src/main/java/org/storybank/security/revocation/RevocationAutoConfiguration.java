package org.storybank.security.revocation;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Every service with a database checks each token against the gateway's revocations ({@link
 * RevocationCheck} in its security chain). {@code STORYBANK_REVOCATION_REFRESH_INTERVAL}: how often
 * the list is read again (2 s); {@code STORYBANK_REVOCATION_MAX_STALENESS}: how long the last list
 * read is trusted while the database cannot be read (60 s), after which requests answer 503.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
public class RevocationAutoConfiguration {

  @Bean(initMethod = "start", destroyMethod = "close")
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnMissingBean
  RevocationList revocationList(
      DataSource dataSource,
      @Value(
              "${storybank.security.revocations.refresh-interval:${STORYBANK_REVOCATION_REFRESH_INTERVAL:2s}}")
          Duration refreshInterval,
      @Value(
              "${storybank.security.revocations.max-staleness:${STORYBANK_REVOCATION_MAX_STALENESS:60s}}")
          Duration maxStaleness) {
    return RevocationList.fromDatabase(
        dataSource, Clock.systemUTC(), refreshInterval, maxStaleness);
  }
}
