package org.storybank.security.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.storybank.security.TokenClaims;
import org.storybank.security.revocation.RevocationList.Verdict;

class RevocationListTest {

  private static final Instant T = Instant.parse("2026-12-07T10:00:00.500Z");

  private final MovableClock clock = new MovableClock(T);
  private final List<Revocation> table = new ArrayList<>();
  private final AtomicInteger reads = new AtomicInteger();
  private boolean databaseDown;

  private final RevocationList list =
      new RevocationList(
          () -> {
            reads.incrementAndGet();
            if (databaseDown) {
              throw new IllegalStateException("connection refused");
            }
            return List.copyOf(table);
          },
          clock,
          Duration.ofSeconds(2),
          Duration.ofSeconds(60));

  @Test
  void aLockedAccountsTokensFromBeforeTheLockAreRefusedAndLaterOnesAccepted() {
    table.add(new Revocation("u1", null, null, T));
    list.refresh();

    assertThat(list.check(token("u1", "s1", List.of("c1"), T.minusMillis(1))))
        .isEqualTo(Verdict.REVOKED);
    assertThat(list.check(token("u1", "s1", List.of("c1"), T))).isEqualTo(Verdict.REVOKED);
    assertThat(list.check(token("u1", "s2", List.of(), T.plusMillis(1)))).isEqualTo(Verdict.VALID);
    assertThat(list.check(token("u2", "s3", List.of("c1"), T.minusSeconds(60))))
        .as("someone else")
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void aLogoutRevokesThatSessionOnly() {
    table.add(new Revocation("u1", "s1", null, T));
    list.refresh();

    assertThat(list.check(token("u1", "s1", List.of(), T.minusSeconds(5))))
        .isEqualTo(Verdict.REVOKED);
    assertThat(list.check(token("u1", "s2", List.of(), T.minusSeconds(5))))
        .as("the same user signed in elsewhere")
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void leavingACohortRevokesTheTokensNamingIt() {
    table.add(new Revocation("coach", null, "c1", T));
    list.refresh();

    assertThat(list.check(token("coach", "s1", List.of("c2", "c1"), T.minusSeconds(5))))
        .isEqualTo(Verdict.REVOKED);
    assertThat(list.check(token("coach", "s1", List.of("c2"), T.minusSeconds(5))))
        .as("a token that never named the cohort")
        .isEqualTo(Verdict.VALID);
    assertThat(list.check(token("coach", "s1", List.of("c2"), T.plusMillis(20))))
        .as("the refreshed token, without the cohort")
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void aTokenWithWholeSecondsOnlyCountsAsIssuedAtTheStartOfItsSecond() {
    table.add(new Revocation("u1", null, null, T));
    list.refresh();
    Instant sameSecond = Instant.parse("2026-12-07T10:00:00Z");

    assertThat(list.check(secondsOnlyToken("u1", sameSecond))).isEqualTo(Verdict.REVOKED);
    assertThat(list.check(secondsOnlyToken("u1", sameSecond.plusSeconds(1))))
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void aRevocationIsSeenAtTheNextReadAndRequestsDoNotReadTheSource() {
    list.refresh();
    int readsBefore = reads.get();
    Jwt token = token("u1", "s1", List.of(), T.minusSeconds(1));
    for (int i = 0; i < 1_000; i++) {
      assertThat(list.check(token)).isEqualTo(Verdict.VALID);
    }
    assertThat(reads.get()).as("checks are answered from memory").isEqualTo(readsBefore);

    table.add(new Revocation("u1", null, null, T));
    clock.advance(Duration.ofSeconds(2));
    list.refresh();

    assertThat(list.check(token)).isEqualTo(Verdict.REVOKED);
  }

  @Test
  void whileTheSourceIsDownTheLastListIsTrustedForTheMaximumStalenessThenNothingIs() {
    table.add(new Revocation("u1", null, null, T));
    list.refresh();
    databaseDown = true;
    Jwt revoked = token("u1", "s1", List.of(), T.minusSeconds(1));
    Jwt fine = token("u2", "s2", List.of(), T.minusSeconds(1));

    clock.advance(Duration.ofSeconds(59));
    list.refresh();
    assertThat(list.check(revoked)).isEqualTo(Verdict.REVOKED);
    assertThat(list.check(fine)).isEqualTo(Verdict.VALID);

    clock.advance(Duration.ofSeconds(2));
    list.refresh();
    assertThat(list.check(revoked)).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(list.check(fine)).isEqualTo(Verdict.UNVERIFIABLE);

    databaseDown = false;
    list.refresh();
    assertThat(list.check(fine)).isEqualTo(Verdict.VALID);
    assertThat(list.check(revoked)).isEqualTo(Verdict.REVOKED);
  }

  @Test
  void nothingIsVouchedForBeforeTheFirstRead() {
    databaseDown = true;
    list.refresh();

    assertThat(list.check(token("u2", "s2", List.of(), T))).isEqualTo(Verdict.UNVERIFIABLE);
  }

  @Test
  void startReadsAtOnceAndThenInTheBackground() throws Exception {
    RevocationList live =
        new RevocationList(
            () -> List.copyOf(table),
            Clock.systemUTC(),
            Duration.ofMillis(50),
            Duration.ofMinutes(1));
    try (live) {
      live.start();
      Jwt token = token("u9", "s9", List.of(), Instant.now().minusSeconds(1));
      assertThat(live.check(token)).isEqualTo(Verdict.VALID);

      table.add(new Revocation("u9", null, null, Instant.now()));
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (live.check(token) != Verdict.REVOKED && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(live.check(token)).isEqualTo(Verdict.REVOKED);
    }
  }

  static Jwt token(String userId, String session, List<String> cohorts, Instant issuedAt) {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .subject(userId)
        .issuedAt(issuedAt)
        .expiresAt(issuedAt.plusSeconds(900))
        .claim(TokenClaims.SESSION, session)
        .claim(TokenClaims.COHORTS, cohorts)
        .claim(TokenClaims.ISSUED_AT_MILLIS, issuedAt.toEpochMilli())
        .build();
  }

  private static Jwt secondsOnlyToken(String userId, Instant issuedAt) {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .subject(userId)
        .issuedAt(issuedAt)
        .expiresAt(issuedAt.plusSeconds(900))
        .build();
  }

  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
