package org.storybank.security.revocation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The gateway no longer stands behind some of the tokens it issued before {@code revokedAt}: all of
 * one user's (account locked, password reset), those of one login ({@code sessionId}: logged out),
 * or those naming one cohort ({@code cohortId}: the user left it, as a replaced coach or a removed
 * candidate).
 */
public record Revocation(String userId, String sessionId, String cohortId, Instant revokedAt) {

  public Revocation {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }

  /** Whether a token with these claims, issued at {@code issuedAt}, is one of those revoked. */
  boolean covers(String session, List<String> cohorts, Instant issuedAt) {
    return !issuedAt.isAfter(revokedAt)
        && (sessionId == null || sessionId.equals(session))
        && (cohortId == null || cohorts.contains(cohortId));
  }
}
