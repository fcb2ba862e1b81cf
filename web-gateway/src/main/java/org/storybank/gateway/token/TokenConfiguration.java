package org.storybank.gateway.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
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
  SigningKey signingKey(TokenProperties properties) {
    return SigningKey.load(properties.keyFile());
  }

  @Bean
  JwtEncoder jwtEncoder(SigningKey key) {
    return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key.privateKey())));
  }

  /**
   * The gateway checks its own tokens exactly as the services do: signature, expiry, issuer,
   * audience.
   */
  @Bean
  JwtDecoder jwtDecoder(SigningKey key, TokenProperties properties) throws JOSEException {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withPublicKey(key.privateKey().toRSAPublicKey()).build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(properties.issuer()),
            new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD,
                audience -> audience != null && audience.contains(properties.audience()))));
    return decoder;
  }
}
