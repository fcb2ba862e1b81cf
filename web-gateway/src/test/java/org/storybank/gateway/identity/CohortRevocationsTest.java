package org.storybank.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.storybank.api.cohort.CohortEvents.CandidateRemoved;
import org.storybank.api.cohort.CohortEvents.CoachAssigned;
import org.storybank.gateway.support.ScratchDatabase;
import org.storybank.security.TokenClaims;
import org.storybank.security.revocation.RevocationList;
import org.storybank.security.revocation.RevocationList.Verdict;

/**
 * A replaced coach and a removed candidate, as the cohort events tell the gateway: the tokens that
 * name the cohort and were issued before are revoked (read back through platform-security's list,
 * as every service reads it), the member's other tokens and later ones are not. On the real
 * identity schema.
 */
@JdbcTest(properties = "storybank.tokens.time-to-live=15m")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({
  Accounts.class,
  Revocations.class,
  CohortMembershipSync.class,
  CohortRevocationsTest.Beans.class
})
class CohortRevocationsTest {

  @TestConfiguration
  static class Beans {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }

    @Bean
    ObjectMapper objectMapper() {
      return new ObjectMapper();
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", ScratchDatabase::url);
    registry.add("spring.datasource.username", () -> ScratchDatabase.USER);
    registry.add("spring.datasource.password", () -> ScratchDatabase.PASSWORD);
  }

  @Autowired CohortMembershipSync sync;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  private RevocationList revocations;
  private final String cohort = "c-" + UUID.randomUUID().toString().substring(0, 8);
  private final String otherCohort = cohort + "-b";
  private String coach;
  private String newCoach;
  private String candidate;

  @BeforeEach
  void aCohortWithItsCoachAndACandidate() {
    revocations =
        RevocationList.fromDatabase(
            dataSource, Clock.systemUTC(), Duration.ofSeconds(2), Duration.ofSeconds(60));
    coach = account("coach");
    newCoach = account("coach");
    candidate = account("candidate");
    for (String id : List.of(cohort, otherCohort)) {
      jdbc.sql("INSERT INTO cohorts (cohort_id, name) VALUES (?, ?)").params(id, id).update();
      member(id, coach, "coach");
    }
    member(cohort, candidate, "candidate");
  }

  @AfterEach
  void close() {
    revocations.close();
  }

  @Test
  void aReplacedCoachsTokensNamingTheCohortAreRevokedAndTheirOthersAreNot() throws Exception {
    Jwt before = token(coach, List.of(cohort, otherCohort));
    Jwt beforeOtherOnly = token(coach, List.of(otherCohort));

    sync.apply(new CoachAssigned(cohort, "admin", newCoach, coach));
    Thread.sleep(2);
    Jwt after = token(coach, List.of(otherCohort));
    revocations.refresh();

    assertThat(revocations.check(before)).isEqualTo(Verdict.REVOKED);
    assertThat(revocations.check(beforeOtherOnly)).isEqualTo(Verdict.VALID);
    assertThat(revocations.check(after)).isEqualTo(Verdict.VALID);
    assertThat(revocations.check(token(newCoach, List.of(cohort)))).isEqualTo(Verdict.VALID);
  }

  @Test
  void aRemovedCandidatesTokensNamingTheCohortAreRevoked() throws Exception {
    Jwt before = token(candidate, List.of(cohort));

    sync.apply(new CandidateRemoved(cohort, coach, candidate));
    Thread.sleep(2);
    Jwt after = token(candidate, List.of());
    revocations.refresh();

    assertThat(revocations.check(before)).isEqualTo(Verdict.REVOKED);
    assertThat(revocations.check(after)).isEqualTo(Verdict.VALID);
  }

  @Test
  void theSameCoachAssignedAgainOrAnEventReplayedRevokesNothing() throws Exception {
    Jwt before = token(coach, List.of(cohort));

    sync.apply(new CoachAssigned(cohort, "admin", coach, coach));
    sync.apply(new CandidateRemoved(otherCohort, coach, candidate));
    revocations.refresh();

    assertThat(revocations.check(before)).isEqualTo(Verdict.VALID);
    assertThat(
            jdbc.sql("SELECT count(*) FROM revocations WHERE user_id IN (?, ?)")
                .params(coach, candidate)
                .query(Integer.class)
                .single())
        .isZero();
  }

  private String account(String role) {
    String userId = UUID.randomUUID().toString();
    jdbc.sql(
            "INSERT INTO accounts (user_id, email, name, role, password_hash) VALUES (?, ?, 'A', ?, 'x')")
        .params(userId, userId + "@example.org", role)
        .update();
    return userId;
  }

  private void member(String cohortId, String userId, String relation) {
    jdbc.sql("INSERT INTO cohort_members (cohort_id, user_id, relation) VALUES (?, ?, ?)")
        .params(cohortId, userId, relation)
        .update();
  }

  private static Jwt token(String userId, List<String> cohorts) {
    Instant now = Instant.now();
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .subject(userId)
        .issuedAt(now)
        .expiresAt(now.plusSeconds(900))
        .claim(TokenClaims.COHORTS, cohorts)
        .claim(TokenClaims.ISSUED_AT_MILLIS, now.toEpochMilli())
        .build();
  }
}
