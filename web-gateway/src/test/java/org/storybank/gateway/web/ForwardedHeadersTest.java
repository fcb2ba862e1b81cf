package org.storybank.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind the TLS proxy: X-Forwarded-For and X-Forwarded-Proto count only when they come from the
 * configured proxy (here the test client's own address, 127.0.0.1). Then HSTS is sent for https,
 * and login failures count per client address, so wrong passwords from one client never hold back
 * the owner's right password from another.
 */
@TestPropertySource(properties = "STORYBANK_TRUSTED_PROXIES=127\\.0\\.0\\.1")
class ForwardedHeadersTest extends GatewayOverHttp {

  ResponseEntity<JsonNode> loginFrom(String client, String email, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Forwarded-For", client);
    headers.set("X-Forwarded-Proto", "https");
    return http.exchange(
        "/api/auth/login",
        HttpMethod.POST,
        new HttpEntity<>(Map.of("email", email, "password", password), headers),
        JsonNode.class);
  }

  @Test
  void httpsAtTheProxyBringsHsts() {
    ResponseEntity<JsonNode> answer =
        loginFrom("203.0.113.7", "candidate2@demo.storybank", PASSWORD);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    assertThat(answer.getHeaders().getFirst("Strict-Transport-Security"))
        .contains("max-age=31536000");
  }

  @Test
  void wrongPasswordsFromOneClientNeverLockTheOwnerOutElsewhere() {
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(
              loginFrom("198.51.100.66", "candidate3@demo.storybank", "not-the-password")
                  .getStatusCode()
                  .value())
          .as("attempt %d", attempt)
          .isEqualTo(401);
    }
    ResponseEntity<JsonNode> held =
        loginFrom("198.51.100.66", "candidate3@demo.storybank", PASSWORD);
    assertThat(held.getStatusCode().value()).as("the guesser's client waits").isEqualTo(429);
    assertThat(held.getHeaders().getFirst("Retry-After")).isEqualTo("30");

    assertThat(
            loginFrom("203.0.113.20", "candidate3@demo.storybank", PASSWORD)
                .getStatusCode()
                .value())
        .as("the owner, from their own client")
        .isEqualTo(200);
  }
}
