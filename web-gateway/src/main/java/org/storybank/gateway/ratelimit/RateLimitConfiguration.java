package org.storybank.gateway.ratelimit;

import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.storybank.gateway.ratelimit.RateLimitPolicy.Limit;

@Configuration
class RateLimitConfiguration {

  /** The table Flyway creates (V6), in the gateway's own schema. */
  static final String TABLE = "rate_limit_buckets";

  /**
   * The buckets' own small pool, on the gateway's database and schema. Its commits do not wait for
   * the disk ({@code synchronous_commit = off}): a crash of PostgreSQL may forget the last fraction
   * of a second of counted requests, which costs nothing, and a request pays about a quarter of a
   * millisecond for its count instead of two (README, "Rate limits").
   */
  record BucketPool(HikariDataSource dataSource) implements AutoCloseable {
    @Override
    public void close() {
      dataSource.close();
    }
  }

  @Bean
  RateLimitPolicy rateLimitPolicy(
      @Value("${storybank.rate-limit.writes-per-minute}") int writesPerMinute,
      @Value("${storybank.rate-limit.writes-burst}") int writesBurst,
      @Value("${storybank.rate-limit.searches-per-minute}") int searchesPerMinute,
      @Value("${storybank.rate-limit.searches-burst}") int searchesBurst) {
    return new RateLimitPolicy(
        new Limit(writesPerMinute, writesBurst), new Limit(searchesPerMinute, searchesBurst));
  }

  @Bean(destroyMethod = "close")
  BucketPool bucketPool(
      DataSourceProperties database,
      @Value("${spring.datasource.hikari.schema}") String schema,
      @Value("${storybank.rate-limit.pool-size}") int size) {
    HikariDataSource pool =
        database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    pool.setPoolName("rate-limits");
    pool.setSchema(schema);
    pool.setMaximumPoolSize(size);
    pool.setMinimumIdle(0);
    // with the database down, give up soon: the limiter then lets requests through for a while
    pool.setConnectionTimeout(2_000);
    pool.setConnectionInitSql("SET synchronous_commit = off");
    return new BucketPool(pool);
  }

  @Bean
  RateLimiter rateLimiter(RateLimitPolicy policy, BucketPool pool, Clock clock) {
    return new RateLimiter(policy, buckets(pool.dataSource()), clock);
  }

  /** Just after Spring Security (the caller is known), before the Idempotency-Key is claimed. */
  @Bean
  FilterRegistrationBean<PerAccountRateLimits> perAccountRateLimits(
      RateLimitPolicy policy, RateLimiter limiter) {
    FilterRegistrationBean<PerAccountRateLimits> registration =
        new FilterRegistrationBean<>(new PerAccountRateLimits(policy, limiter));
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /** Row locks (SELECT … FOR UPDATE) on one row per bucket, in one transaction per request. */
  static ProxyManager<String> buckets(DataSource dataSource) {
    return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
        .primaryKeyMapper(PrimaryKeyMapper.STRING)
        .table(TABLE)
        .build();
  }
}
