package org.storybank.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.storybank.gateway.ratelimit.RateLimitPolicy.Kind;
import org.storybank.gateway.ratelimit.RateLimitPolicy.Limit;
import org.storybank.gateway.ratelimit.RateLimiter.Decision;
import org.storybank.gateway.support.MutableClock;
import org.storybank.gateway.support.ScratchDatabase;

/**
 * Two gateways, each with its own connection pool, on the identity schema in a real PostgreSQL
 * (Flyway): an account's requests through either come out of one bucket.
 */
class SharedBucketsTest {

  static final RateLimitPolicy POLICY = new RateLimitPolicy(new Limit(6, 4), new Limit(60, 2));

  static HikariDataSource first;
  static HikariDataSource second;

  @BeforeAll
  static void twoGateways() {
    first = pool(ScratchDatabase.url());
    second = pool(ScratchDatabase.url());
    Flyway.configure()
        .dataSource(first)
        .schemas("identity")
        .defaultSchema("identity")
        .locations("classpath:db/identity")
        .load()
        .migrate();
  }

  @AfterAll
  static void close() {
    first.close();
    second.close();
  }

  @Test
  void anAccountsRequestsThroughEitherGatewayComeOutOfOneBucket() {
    RateLimiter one = limiter(first, Clock.systemUTC());
    RateLimiter other = limiter(second, Clock.systemUTC());
    String account = UUID.randomUUID().toString();

    assertThat(one.take(account, Kind.WRITES).allowed()).isTrue();
    assertThat(other.take(account, Kind.WRITES).allowed()).isTrue();
    assertThat(one.take(account, Kind.WRITES).allowed()).isTrue();
    assertThat(other.take(account, Kind.WRITES).allowed()).isTrue();
    Decision fifth = one.take(account, Kind.WRITES);
    Decision sixth = other.take(account, Kind.WRITES);

    assertThat(fifth.allowed()).as("a burst of 4, two through each gateway").isFalse();
    assertThat(sixth.allowed()).isFalse();
    assertThat(fifth.retryAfterSeconds())
        .as("6 a minute: the next in about 10 s")
        .isBetween(9L, 10L);

    assertThat(other.take(account, Kind.SEARCHES).allowed())
        .as("searches have a bucket of their own")
        .isTrue();
    assertThat(one.take(UUID.randomUUID().toString(), Kind.WRITES).allowed())
        .as("another account has a bucket of its own")
        .isTrue();
  }

  @Test
  void theBucketsPoolCommitsWithoutWaitingForTheDisk() throws SQLException {
    try (Connection connection = first.getConnection();
        ResultSet setting = connection.createStatement().executeQuery("SHOW synchronous_commit")) {
      setting.next();
      assertThat(setting.getString(1)).isEqualTo("off");
    }
  }

  @Test
  void aNewLimitStartsNewBucketsRatherThanKeepingTheOldOnes() {
    String account = UUID.randomUUID().toString();
    RateLimiter strict =
        new RateLimiter(
            new RateLimitPolicy(new Limit(1, 1), new Limit(60, 2)),
            RateLimitConfiguration.buckets(first),
            Clock.systemUTC());
    assertThat(strict.take(account, Kind.WRITES).allowed()).isTrue();
    assertThat(strict.take(account, Kind.WRITES).allowed()).isFalse();

    assertThat(limiter(second, Clock.systemUTC()).take(account, Kind.WRITES).allowed()).isTrue();
  }

  @Test
  void unreadableBucketsLetRequestsThroughAndAreLeftAloneForAWhile() throws Exception {
    MutableClock clock = new MutableClock();
    AtomicInteger asked = new AtomicInteger();
    try (HikariDataSource nowhere =
        pool("jdbc:postgresql://127.0.0.1:" + closedPort() + "/storybank")) {
      DataSource counted =
          new DelegatingDataSource(nowhere) {
            @Override
            public Connection getConnection() throws SQLException {
              asked.incrementAndGet();
              return super.getConnection();
            }
          };
      RateLimiter limiter = new RateLimiter(POLICY, RateLimitConfiguration.buckets(counted), clock);
      String account = UUID.randomUUID().toString();

      assertThat(limiter.take(account, Kind.WRITES).allowed()).isTrue();
      assertThat(asked).hasValue(1);
      for (int i = 0; i < 10; i++) {
        assertThat(limiter.take(account, Kind.WRITES).allowed()).isTrue();
      }
      assertThat(asked).as("not asked again while paused").hasValue(1);

      clock.advance(RateLimiter.PAUSE_AFTER_FAILURE.plusSeconds(1));
      assertThat(limiter.take(account, Kind.WRITES).allowed())
          .as("asked again after the pause, still failing: still let through")
          .isTrue();
      assertThat(asked).hasValue(2);
    }
  }

  private static RateLimiter limiter(HikariDataSource dataSource, Clock clock) {
    return new RateLimiter(POLICY, RateLimitConfiguration.buckets(dataSource), clock);
  }

  /** A pool as the gateway makes it for its buckets. */
  private static HikariDataSource pool(String url) {
    DataSourceProperties database = new DataSourceProperties();
    database.setUrl(url);
    database.setUsername(ScratchDatabase.USER);
    database.setPassword(ScratchDatabase.PASSWORD);
    HikariDataSource pool =
        new RateLimitConfiguration().bucketPool(database, "identity", 2).dataSource();
    pool.setInitializationFailTimeout(-1);
    return pool;
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
