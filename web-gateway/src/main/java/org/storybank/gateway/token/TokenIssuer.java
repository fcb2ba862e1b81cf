package org.storybank.gateway.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;
import org.storybank.security.Role;
import org.storybank.security.TokenClaims;

/** Issues short-lived access tokens that carry everything a service needs to authorise a call. */
@Component
public class TokenIssuer {

  private final JwtEncoder encoder;
  private final TokenProperties properties;
  private final SigningKeys keys;
  private final Clock clock;

  TokenIssuer(JwtEncoder encoder, TokenProperties properties, SigningKeys keys, Clock clock) {
    this.encoder = encoder;
    this.properties = properties;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Who a token is about; what every service needs to decide alone what the bearer may do. {@code
   * sessionId}: the login it belongs to, what a logout revokes (none for a token outside a
   * session). {@code issuedAt}: taken before the account and its cohorts were read, so that a
   * revocation recorded after a change covers every token that may carry the state before it (none:
   * now).
   */
  public record Subject(
      String userId,
      Role role,
      String name,
      String email,
      List<String> cohortIds,
      String sessionId,
      Instant issuedAt) {

    public Subject(String userId, Role role, String name, String email, List<String> cohortIds) {
      this(userId, role, name, email, cohortIds, null, null);
    }
  }

  public AccessToken issue(Subject subject) {
    Instant now = subject.issuedAt() == null ? clock.instant() : subject.issuedAt();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(properties.issuer())
            .audience(List.of(properties.audience()))
            .subject(subject.userId())
            .issuedAt(now)
            .expiresAt(now.plus(properties.timeToLive()))
            .claim(TokenClaims.ROLE, subject.role().id())
            .claim(TokenClaims.COHORTS, subject.cohortIds())
            .claim(TokenClaims.NAME, subject.name())
            .claim(TokenClaims.EMAIL, subject.email())
            .claim(TokenClaims.ISSUED_AT_MILLIS, now.toEpochMilli())
            .claims(
                custom -> {
                  if (subject.sessionId() != null) {
                    custom.put(TokenClaims.SESSION, subject.sessionId());
                  }
                })
            .build();
    JwsHeader header =
        JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.current().getKeyID()).build();
    String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    return new AccessToken(token, properties.timeToLive().toSeconds());
  }

  public record AccessToken(String accessToken, long expiresIn) {}
}
