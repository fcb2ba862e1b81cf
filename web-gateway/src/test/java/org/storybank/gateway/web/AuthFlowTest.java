package org.storybank.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.storybank.gateway.support.ScratchDatabase;

/** Login, refresh and logout over HTTP on the whole gateway, with the demo organisation loaded. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "storybank.demo.enabled=true",
      "spring.kafka.listener.auto-startup=false",
      "storybank.login.failures-per-address=1000"
    })
class AuthFlowTest {

  static final String PASSWORD = "demo-password";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", ScratchDatabase::url);
    registry.add("spring.datasource.username", () -> ScratchDatabase.USER);
    registry.add("spring.datasource.password", () -> ScratchDatabase.PASSWORD);
  }

  @Autowired TestRestTemplate http;

  @Test
  void loginAnswersAnAccessAndARefreshToken() {
    JsonNode pair = login("candidate1@demo.storybank").getBody();
    assertThat(pair.get("accessToken").asText()).isNotBlank();
    assertThat(pair.get("expiresIn").asLong()).isEqualTo(900);
    assertThat(pair.get("refreshToken").asText()).isNotBlank();
    assertThat(pair.get("refreshExpiresIn").asLong()).isEqualTo(14 * 24 * 3600);
    assertThat(me(pair.get("accessToken").asText()).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void aRefreshGivesANewPairAndUsesTheOldRefreshTokenUp() {
    String first = login("candidate2@demo.storybank").getBody().get("refreshToken").asText();

    ResponseEntity<JsonNode> refreshed = refresh(first);
    assertThat(refreshed.getStatusCode().value()).isEqualTo(200);
    String second = refreshed.getBody().get("refreshToken").asText();
    assertThat(second).isNotEqualTo(first);
    assertThat(me(refreshed.getBody().get("accessToken").asText()).getBody().get("role").asText())
        .isEqualTo("candidate");

    assertThat(refresh(first).getStatusCode().value()).as("reuse").isEqualTo(401);
    assertThat(refresh(second).getStatusCode().value())
        .as("reuse revoked the newer token of the family too")
        .isEqualTo(401);
  }

  @Test
  void logoutRevokesTheRefreshToken() {
    String token = login("candidate3@demo.storybank").getBody().get("refreshToken").asText();
    ResponseEntity<Void> out =
        http.postForEntity("/api/auth/logout", Map.of("refreshToken", token), Void.class);
    assertThat(out.getStatusCode().value()).isEqualTo(204);
    assertThat(refresh(token).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void aMissingOrMadeUpRefreshTokenIsRefused() {
    assertThat(refresh("made-up").getStatusCode().value()).isEqualTo(401);
    assertThat(
            http.postForEntity("/api/auth/refresh", Map.of(), JsonNode.class)
                .getStatusCode()
                .value())
        .isEqualTo(401);
  }

  ResponseEntity<JsonNode> login(String email) {
    ResponseEntity<JsonNode> response =
        http.postForEntity(
            "/api/auth/login", Map.of("email", email, "password", PASSWORD), JsonNode.class);
    assertThat(response.getStatusCode().value()).as("login %s", response.getBody()).isEqualTo(200);
    return response;
  }

  ResponseEntity<JsonNode> refresh(String token) {
    return http.postForEntity("/api/auth/refresh", Map.of("refreshToken", token), JsonNode.class);
  }

  ResponseEntity<JsonNode> me(String accessToken) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(accessToken);
    return http.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
  }
}
