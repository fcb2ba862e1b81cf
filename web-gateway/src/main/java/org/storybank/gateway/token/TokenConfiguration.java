package org.storybank.gateway.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

@Configuration
class TokenConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  SigningKeys signingKeys(TokenProperties properties, Clock clock) {
    return SigningKeys.load(properties.keyDir(), clock);
  }

  /**
   * Signs with the key the token's header names (the issuer names the current one), so a rotation
   * needs no restart.
   */
  @Bean
  JwtEncoder jwtEncoder(SigningKeys keys) {
    JWKSource<SecurityContext> published =
        (JWKSelector selector, SecurityContext context) -> selector.select(keys.verificationKeys());
    return new NimbusJwtEncoder(published);
  }

  /**
   * The gateway checks its own tokens exactly as the services do: signature by a published key,
   * expiry, issuer, audience.
   */
  @Bean
  JwtDecoder jwtDecoder(SigningKeys keys, TokenProperties properties) {
    JWKSource<SecurityContext> published =
        (JWKSelector selector, SecurityContext context) -> selector.select(keys.verificationKeys());
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, published));
    // Spring's validators below check the claims; Nimbus only checks the signature.
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
    NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(properties.issuer()),
            new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD,
                audience -> audience != null && audience.contains(properties.audience()))));
    return decoder;
  }
}
