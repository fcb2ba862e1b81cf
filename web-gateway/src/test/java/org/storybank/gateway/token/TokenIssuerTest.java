package org.storybank.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.storybank.security.Caller;
import org.storybank.security.Role;

class TokenIssuerTest {

  private static final TokenIssuer.Subject CANDIDATE =
      new TokenIssuer.Subject(
          "u-1", Role.CANDIDATE, "Candidate One", "candidate1@demo.storybank", List.of("cohort-1"));

  private final TokenConfiguration configuration = new TokenConfiguration();

  @Test
  void anIssuedTokenCarriesTheCallerAndPassesValidation() throws Exception {
    TokenProperties properties = properties("storybank-api", Duration.ofMinutes(15));
    SigningKeys key = configuration.signingKeys(properties, Clock.systemUTC());
    TokenIssuer issuer =
        new TokenIssuer(configuration.jwtEncoder(key), properties, key, Clock.systemUTC());

    TokenIssuer.AccessToken token = issuer.issue(CANDIDATE);
    Jwt decoded = configuration.jwtDecoder(key, properties).decode(token.accessToken());

    assertThat(token.expiresIn()).isEqualTo(900);
    assertThat(decoded.getHeaders()).containsEntry("kid", key.current().getKeyID());
    assertThat(decoded.getAudience()).containsExactly("storybank-api");
    assertThat(Caller.from(decoded))
        .isEqualTo(new Caller("u-1", Role.CANDIDATE, List.of("cohort-1")));
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() throws Exception {
    SigningKeys key =
        configuration.signingKeys(
            properties("storybank-api", Duration.ofMinutes(15)), Clock.systemUTC());
    TokenProperties other = properties("another-api", Duration.ofMinutes(15));
    String token =
        new TokenIssuer(configuration.jwtEncoder(key), other, key, Clock.systemUTC())
            .issue(CANDIDATE)
            .accessToken();

    JwtDecoder decoder =
        configuration.jwtDecoder(key, properties("storybank-api", Duration.ofMinutes(15)));
    assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    TokenProperties properties = properties("storybank-api", Duration.ofMinutes(15));
    SigningKeys key = configuration.signingKeys(properties, Clock.systemUTC());
    Clock anHourAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
    String token =
        new TokenIssuer(configuration.jwtEncoder(key), properties, key, anHourAgo)
            .issue(CANDIDATE)
            .accessToken();

    assertThatThrownBy(() -> configuration.jwtDecoder(key, properties).decode(token))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void aTokenSignedByAnotherKeyIsRefused() throws Exception {
    TokenProperties properties = properties("storybank-api", Duration.ofMinutes(15));
    SigningKeys ours = configuration.signingKeys(properties, Clock.systemUTC());
    SigningKeys theirs = configuration.signingKeys(properties, Clock.systemUTC());
    String forged =
        new TokenIssuer(configuration.jwtEncoder(theirs), properties, theirs, Clock.systemUTC())
            .issue(CANDIDATE)
            .accessToken();

    assertThatThrownBy(() -> configuration.jwtDecoder(ours, properties).decode(forged))
        .isInstanceOf(BadJwtException.class);
  }

  private static TokenProperties properties(String audience, Duration ttl) {
    return new TokenProperties("storybank-gateway", audience, ttl, "");
  }
}
