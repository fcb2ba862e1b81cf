package org.storybank.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** A stream of made-up key ids cannot make a service fetch the JWK set once per request. */
class RateLimitedJwksTest {

  private final AtomicInteger fetches = new AtomicInteger();
  private final AtomicReference<JWKSet> published = new AtomicReference<>();
  private HttpServer gateway;
  private RSAKey current;

  @BeforeEach
  void publish() throws Exception {
    current = new RSAKeyGenerator(2048).keyID("current").generate();
    published.set(new JWKSet(current.toPublicJWK()));
    gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext(
        "/oauth2/jwks",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    gateway.start();
  }

  @AfterEach
  void stop() {
    gateway.stop(0);
  }

  private JwtDecoder decoder(Duration interval) {
    return RateLimitedJwks.decoder(
        "http://127.0.0.1:" + gateway.getAddress().getPort() + "/oauth2/jwks",
        "storybank-gateway",
        List.of("storybank-api"),
        interval);
  }

  private static String token(RSAKey key, String audience) {
    Instant now = Instant.now();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer("storybank-gateway")
            .audience(List.of(audience))
            .subject("u-1")
            .issuedAt(now)
            .expiresAt(now.plusSeconds(300))
            .build();
    return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
        .encode(
            JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build(), claims))
        .getTokenValue();
  }

  @Test
  void unknownKeyIdsFetchTheSetAtMostTwicePerInterval() throws Exception {
    JwtDecoder decoder = decoder(Duration.ofMinutes(10));
    assertThat(decoder.decode(token(current, "storybank-api")).getSubject()).isEqualTo("u-1");
    int afterFirst = fetches.get();

    for (int i = 0; i < 50; i++) {
      RSAKey madeUp = new RSAKeyGenerator(2048).keyID("made-up-" + i).generate();
      String forged = token(madeUp, "storybank-api");
      assertThatThrownBy(() -> decoder.decode(forged))
          .as("a bad token (401), never a key source failure (500)")
          .isInstanceOf(BadJwtException.class);
    }

    assertThat(fetches.get() - afterFirst)
        .as("refetches for 50 unknown key ids")
        .isLessThanOrEqualTo(2);
    assertThat(decoder.decode(token(current, "storybank-api")).getSubject())
        .as("known keys go on working")
        .isEqualTo("u-1");
  }

  @Test
  void aRotatedKeyIsFetchedWhenItsFirstTokenArrives() throws Exception {
    JwtDecoder decoder = decoder(Duration.ofSeconds(10));
    decoder.decode(token(current, "storybank-api"));
    RSAKey next = new RSAKeyGenerator(2048).keyID("next").generate();
    published.set(new JWKSet(List.of(next.toPublicJWK(), current.toPublicJWK())));

    assertThat(decoder.decode(token(next, "storybank-api")).getSubject()).isEqualTo("u-1");
  }

  @Test
  void anotherAudienceIsRefused() {
    JwtDecoder decoder = decoder(Duration.ofSeconds(10));
    assertThatThrownBy(() -> decoder.decode(token(current, "someone-else")))
        .isInstanceOf(JwtException.class);
  }
}
