package org.storybank.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The gateway's own endpoints answer every error as problem+json: unknown body fields named,
 * methods, media types and paths nothing answers, refusals. No Spring default error shape, no Java
 * type name.
 */
class GatewayProblemsTest extends GatewayOverHttp {

  @Test
  void anUnknownFieldInALoginIsNamed() {
    ResponseEntity<String> refused =
        http.postForEntity(
            "/api/auth/login",
            Map.of("email", "candidate1@demo.storybank", "password", PASSWORD, "remember", true),
            String.class);
    assertProblem(refused, 400);
    assertThat(refused.getBody()).contains("\"field\":\"remember\"");
  }

  @Test
  void aWrongTypeNamesTheFieldInJsonsWords() {
    ResponseEntity<String> refused =
        http.postForEntity(
            "/api/auth/login", Map.of("email", 42, "password", Map.of("x", 1)), String.class);
    assertProblem(refused, 400);
    assertThat(refused.getBody()).contains("\"field\":\"password\"", "must be a string");
  }

  @Test
  void methodsMediaTypesPathsAndRefusalsAnswerProblems() {
    assertProblem(http.getForEntity("/api/auth/login", String.class), 405);
    HttpHeaders text = new HttpHeaders();
    text.setContentType(MediaType.TEXT_PLAIN);
    assertProblem(
        http.exchange(
            "/api/auth/login", HttpMethod.POST, new HttpEntity<>("hello", text), String.class),
        415);
    assertProblem(http.getForEntity("/api/me", String.class), 401);

    String candidate =
        login("candidate1@demo.storybank", PASSWORD).getBody().get("accessToken").asText();
    assertProblem(
        http.exchange(
            "/api/no-such-thing",
            HttpMethod.GET,
            new HttpEntity<>(bearer(candidate)),
            String.class),
        404);
    assertProblem(
        http.exchange(
            "/api/admin/accounts",
            HttpMethod.GET,
            new HttpEntity<>(bearer(candidate)),
            String.class),
        403);
    assertProblem(
        http.exchange("/index.html", HttpMethod.POST, HttpEntity.EMPTY, String.class), 403);
  }

  private static void assertProblem(ResponseEntity<String> response, int status) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType())
        .isNotNull()
        .satisfies(
            type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
    assertThat(response.getBody())
        .contains("\"status\":" + status)
        .doesNotContain("java.", "timestamp", "Exception");
  }
}
