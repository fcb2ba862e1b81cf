package org.storybank.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A service's token decoder, reading the gateway's JWK set. A token with a key id the service has
 * not seen makes it fetch the set again (that is how a rotated key arrives), but at most twice per
 * {@code minRefetchInterval}: a stream of tokens with made-up key ids cannot turn the service into
 * a fetcher hammering the gateway. (Spring's own builder turns Nimbus's rate limit off.) Otherwise
 * it checks what Boot's decoder checks: RS256 signature, expiry with 60 s allowance, issuer,
 * audience.
 */
public final class RateLimitedJwks {

  private static final Duration CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);
  private static final Duration CACHE_REFRESH_TIMEOUT = Duration.ofSeconds(15);

  private RateLimitedJwks() {}

  /**
   * Past the limit, an unknown key id finds no key: the token is refused as any badly signed one
   * (401). Left as it is, Nimbus's limit reads as a failure to reach the key source, which Spring
   * turns into a 500.
   */
  private static JWKSource<SecurityContext> withoutRefetchWhenLimited(
      JWKSource<SecurityContext> keys) {
    return (selector, context) -> {
      try {
        return keys.get(selector, context);
      } catch (KeySourceException failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
          if (cause instanceof RateLimitReachedException) {
            return List.of();
          }
        }
        throw failed;
      }
    };
  }

  public static JwtDecoder decoder(
      String jwkSetUri, String issuer, List<String> audiences, Duration minRefetchInterval) {
    JWKSource<SecurityContext> keys;
    try {
      keys =
          JWKSourceBuilder.create(URI.create(jwkSetUri).toURL())
              // Nimbus wants the cache to outlive the rate limit's interval
              .cache(
                  Math.max(CACHE_TIME_TO_LIVE.toMillis(), 2 * minRefetchInterval.toMillis()),
                  CACHE_REFRESH_TIMEOUT.toMillis())
              .rateLimited(minRefetchInterval.toMillis())
              .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a JWK set URL: " + jwkSetUri, e);
    }
    JWKSource<SecurityContext> keysOrNone = withoutRefetchWhenLimited(keys);
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keysOrNone));
    // Spring validates the claims below; Nimbus's own claim checks would duplicate them
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
    NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
    OAuth2TokenValidator<Jwt> audience =
        new JwtClaimValidator<List<String>>(
            JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains));
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(issuer), audience));
    return decoder;
  }
}
