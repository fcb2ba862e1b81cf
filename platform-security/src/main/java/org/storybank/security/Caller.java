package org.storybank.security;

import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, read from the validated access token alone. A candidate's cohorts are the ones
 * they are enrolled in; a coach's are the ones they coach.
 */
public record Caller(String userId, Role role, List<String> cohortIds) {

  public Caller {
    cohortIds = List.copyOf(cohortIds);
  }

  public static Caller from(Jwt token) {
    Role role =
        Role.fromId(token.getClaimAsString(TokenClaims.ROLE))
            .orElseThrow(() -> new InvalidCallerException("token carries no known role"));
    List<String> cohorts = token.getClaimAsStringList(TokenClaims.COHORTS);
    return new Caller(token.getSubject(), role, cohorts == null ? List.of() : cohorts);
  }

  public boolean is(Role expected) {
    return role == expected;
  }

  public boolean belongsTo(String cohortId) {
    return cohortIds.contains(cohortId);
  }
}
