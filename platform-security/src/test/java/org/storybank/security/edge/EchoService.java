package org.storybank.security.edge;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.catalina.connector.ClientAbortException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.security.Caller;

/** The smallest service that uses platform-security as every real service does. */
@SpringBootApplication
public class EchoService {

  static final RSAKey KEY = generate();

  @Bean
  JwtDecoder jwtDecoder() throws Exception {
    return NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
  }

  /** A filter that looks something up in the database before the request reaches a handler. */
  @Bean
  FilterRegistrationBean<Filter> databaseLookingFilter() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(
            (request, response, chain) -> {
              throw new IllegalStateException(
                  "lookup failed",
                  new SQLTransientConnectionException(
                      "Connection is not available, request timed out after 1000ms."));
            });
    registration.addUrlPatterns("/api/looked-up/*");
    return registration;
  }

  static String token(String userId, String role) {
    Instant now = Instant.now();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .subject(userId)
            .issuedAt(now)
            .expiresAt(now.plusSeconds(300))
            .claim("role", role)
            .claim("cohorts", List.of("c-1"))
            .build();
    return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(KEY)))
        .encode(
            JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(KEY.getKeyID()).build(), claims))
        .getTokenValue();
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyID("edge-test").generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @RestController
  static class Echo {

    @GetMapping("/api/echo")
    Map<String, Object> who(Caller caller) {
      return Map.of("userId", caller.userId());
    }

    @PostMapping("/api/echo")
    Map<String, Object> echo(Caller caller, @RequestBody Map<String, Object> body) {
      return Map.of("userId", caller.userId(), "body", body);
    }

    record Part(String name, Integer weight) {}

    record Note(String title, Integer count, Boolean pinned, List<Part> parts) {}

    /** Notes taken: a write a refused request must not reach. */
    static final java.util.concurrent.atomic.AtomicInteger NOTES_TAKEN =
        new java.util.concurrent.atomic.AtomicInteger();

    /** A body with a known shape, as every real endpoint has. */
    @PostMapping("/api/notes")
    Note note(Caller caller, @RequestBody Note note) {
      NOTES_TAKEN.incrementAndGet();
      return note;
    }

    @GetMapping("/api/notes/{index}")
    Map<String, Object> page(
        Caller caller, @PathVariable int index, @RequestParam(defaultValue = "10") int size) {
      return Map.of("index", index, "size", size);
    }

    @GetMapping("/api/broken")
    Map<String, Object> broken(Caller caller) {
      throw new IllegalStateException("secret internals at org.example.Thing");
    }

    /** As a JDBC call fails when the database cut the connection it wrote to. */
    @PutMapping("/api/notes/{index}")
    Map<String, Object> save(Caller caller, @PathVariable int index) {
      throw new IllegalStateException(
          "query failed",
          new SQLException(
              "An I/O error occurred while sending to the backend.",
              "08006",
              new SocketException("Broken pipe")));
    }

    /** As the next statement fails on a connection the pool evicted as broken. */
    @PostMapping("/api/notes/{index}/copies")
    Map<String, Object> copy(Caller caller, @PathVariable int index) {
      throw new IllegalStateException(
          "Failed to create a SQL statement", new SQLException("Connection is closed"));
    }

    /** As a call to another server fails when that server went away mid-answer. */
    @GetMapping("/api/notes/{index}/neighbours")
    Map<String, Object> neighbours(Caller caller, @PathVariable int index) {
      throw new UncheckedIOException(
          "cannot reach the index", new IOException("Connection reset by peer"));
    }

    /** As a write to the client fails when the client went away. */
    @GetMapping("/api/notes/{index}/export")
    Map<String, Object> export(Caller caller, @PathVariable int index) throws IOException {
      throw new ClientAbortException(new IOException("Broken pipe"));
    }
  }
}
