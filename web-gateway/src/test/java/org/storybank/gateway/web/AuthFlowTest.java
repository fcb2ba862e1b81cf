package org.storybank.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** Login, refresh and logout over HTTP on the whole gateway, with the demo organisation loaded. */
class AuthFlowTest extends GatewayOverHttp {

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

  @Test
  void unreadableOrWronglyTypedRequestsAnswer400WithADetail() {
    HttpHeaders json = new HttpHeaders();
    json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    for (String body :
        new String[] {"{\"email\": ", "{\"email\":\"a@b.c\",\"password\":[1]}", "["}) {
      ResponseEntity<JsonNode> answer =
          http.postForEntity("/api/auth/login", new HttpEntity<>(body, json), JsonNode.class);
      assertThat(answer.getStatusCode().value()).as(body).isEqualTo(400);
      assertThat(answer.getBody().get("detail").asText()).as(body).isNotBlank();
    }
  }

  ResponseEntity<JsonNode> login(String email) {
    ResponseEntity<JsonNode> response = login(email, PASSWORD);
    assertThat(response.getStatusCode().value()).as("login %s", response.getBody()).isEqualTo(200);
    return response;
  }
}
