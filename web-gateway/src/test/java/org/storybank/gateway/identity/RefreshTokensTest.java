package org.storybank.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.storybank.gateway.support.MutableClock;
import org.storybank.gateway.support.ScratchDatabase;

/** Refresh tokens on the real identity schema (Flyway) in PostgreSQL. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({RefreshTokens.class, RefreshTokensTest.Clocks.class})
class RefreshTokensTest {

  @TestConfiguration
  static class Clocks {
    @Bean
    MutableClock clock() {
      return new MutableClock();
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", ScratchDatabase::url);
    registry.add("spring.datasource.username", () -> ScratchDatabase.USER);
    registry.add("spring.datasource.password", () -> ScratchDatabase.PASSWORD);
  }

  @Autowired RefreshTokens tokens;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  private String userId;

  @BeforeEach
  void anAccount() {
    userId = UUID.randomUUID().toString();
    jdbc.sql(
            "INSERT INTO accounts (user_id, email, name, role, password_hash) VALUES (?, ?, 'A', 'candidate', 'x')")
        .params(userId, userId + "@example.org")
        .update();
  }

  @Test
  void onlyTheHashOfATokenIsStored() {
    String token = tokens.issue(userId);
    assertThat(token).hasSizeGreaterThanOrEqualTo(43);
    assertThat(
            jdbc.sql("SELECT token_hash FROM refresh_tokens WHERE user_id = ?")
                .param(userId)
                .query(String.class)
                .list())
        .containsExactly(RefreshTokens.hash(token))
        .doesNotContain(token);
  }

  @Test
  void aTokenRotatesOnceAndItsReplacementWorks() {
    String first = tokens.issue(userId);
    RefreshTokens.Rotated rotated = tokens.rotate(first).orElseThrow();
    assertThat(rotated.userId()).isEqualTo(userId);
    assertThat(rotated.refreshToken()).isNotEqualTo(first);
    assertThat(tokens.rotate(rotated.refreshToken())).isPresent();
  }

  @Test
  void aReplacedTokenPresentedAgainRevokesTheWholeFamily() {
    String first = tokens.issue(userId);
    String second = tokens.rotate(first).orElseThrow().refreshToken();
    String otherSession = tokens.issue(userId);

    assertThat(tokens.rotate(first)).as("reuse of a replaced token").isEmpty();
    assertThat(tokens.rotate(second)).as("the thief's or owner's newer token dies too").isEmpty();
    assertThat(tokens.rotate(otherSession)).as("another login is another family").isPresent();
  }

  @Test
  void anExpiredTokenIsRefused() {
    String token = tokens.issue(userId);
    clock.advance(tokens.timeToLive().plus(Duration.ofSeconds(1)));
    assertThat(tokens.rotate(token)).isEmpty();
  }

  @Test
  void logoutRevokesTheFamilyAndUnknownTokensChangeNothing() {
    String token = tokens.issue(userId);
    tokens.revoke("never-issued");
    tokens.revoke(token);
    assertThat(tokens.rotate(token)).isEmpty();
    assertThat(tokens.rotate("never-issued")).isEmpty();
  }

  @Test
  void allOfOnesTokensCanBeRevokedAtOnce() {
    String a = tokens.issue(userId);
    String b = tokens.issue(userId);
    assertThat(tokens.revokeAllOf(userId)).isEqualTo(2);
    assertThat(tokens.rotate(a)).isEmpty();
    assertThat(tokens.rotate(b)).isEmpty();
  }
}
