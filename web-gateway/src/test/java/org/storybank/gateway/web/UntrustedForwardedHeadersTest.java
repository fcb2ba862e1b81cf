package org.storybank.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * With no trusted proxy configured (the default), forwarded headers are anyone's to forge: they are
 * ignored: a client claiming https gets no HSTS, and the address it is counted by is its own.
 */
class UntrustedForwardedHeadersTest extends GatewayOverHttp {

  @Test
  void forwardedHeadersFromAnUntrustedPeerAreIgnored() {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Forwarded-Proto", "https");
    headers.set("X-Forwarded-For", "203.0.113.7");
    ResponseEntity<JsonNode> answer =
        http.exchange(
            "/api/auth/login",
            HttpMethod.POST,
            new HttpEntity<>(
                Map.of("email", "candidate2@demo.storybank", "password", PASSWORD), headers),
            JsonNode.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    assertThat(answer.getHeaders().getFirst("Strict-Transport-Security")).isNull();
  }
}
