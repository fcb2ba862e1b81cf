package org.storybank.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.storybank.gateway.support.FakeService;
import org.storybank.gateway.support.ScratchDatabase;

/**
 * Writes that are safe to retry: the same Idempotency-Key answers the first result without a second
 * request reaching the service; and a service that cannot be reached answers 503 with Retry-After.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"storybank.demo.enabled=true", "spring.kafka.listener.auto-startup=false"})
class SafeRetriesTest {

  static final FakeService COMMAND =
      new FakeService().answering("/api/stories", "{\"id\":\"s-1\",\"version\":0}");
  static final int DEAD_PORT = freePort();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", ScratchDatabase::url);
    registry.add("spring.datasource.username", () -> ScratchDatabase.USER);
    registry.add("spring.datasource.password", () -> ScratchDatabase.PASSWORD);
    registry.add("STORYBANK_COMMAND_URL", COMMAND::url);
    registry.add("STORYBANK_QUERY_URL", () -> "http://127.0.0.1:" + DEAD_PORT);
  }

  @AfterAll
  static void stop() {
    COMMAND.close();
  }

  @Autowired TestRestTemplate http;
  @Autowired IdempotencyKeys keys;

  @Test
  void aRetryWithTheSameKeyGetsTheFirstAnswerAndReachesTheServiceOnce() {
    String token = token();
    int before = posts();

    ResponseEntity<String> first = post(token, "retry-1", "{\"title\":\"One\"}");
    ResponseEntity<String> again = post(token, "retry-1", "{\"title\":\"One\"}");

    assertThat(first.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getStatusCode()).isEqualTo(first.getStatusCode());
    assertThat(again.getBody()).isEqualTo(first.getBody());
    assertThat(again.getHeaders().getFirst(IdempotentPosts.REPLAYED)).isEqualTo("true");
    assertThat(first.getHeaders().getFirst(IdempotentPosts.REPLAYED)).isNull();
    assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    assertThat(posts()).as("the service saw one request").isEqualTo(before + 1);

    assertThat(post(token, "retry-2", "{\"title\":\"One\"}").getStatusCode().value())
        .isEqualTo(200);
    post(token, null, "{\"title\":\"One\"}");
    post(token, null, "{\"title\":\"One\"}");
    assertThat(posts()).as("another key, and no key at all, go through").isEqualTo(before + 4);

    ResponseEntity<String> someoneElse =
        post(token("candidate2@demo.storybank"), "retry-1", "{\"title\":\"One\"}");
    assertThat(someoneElse.getHeaders().getFirst(IdempotentPosts.REPLAYED))
        .as("a key is the caller's own: another's answer is never replayed to them")
        .isNull();
    assertThat(posts()).isEqualTo(before + 5);
  }

  @Test
  void theSameKeyForAnotherRequestIsRefusedAndReachesNothing() {
    String token = token();
    post(token, "reused", "{\"title\":\"First\"}");
    int before = posts();

    ResponseEntity<String> other = post(token, "reused", "{\"title\":\"Second\"}");

    assertThat(other.getStatusCode().value()).isEqualTo(422);
    assertThat(other.getBody()).contains("another request");
    assertThat(posts()).isEqualTo(before);
  }

  @Test
  void aKeyStillRunningAnswers409AndAMalformedKey400() {
    String token = token();
    String callerId = me(token);
    byte[] body = "{\"title\":\"Slow\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(
            keys.claim(
                callerId,
                "running",
                IdempotentPosts.fingerprint("POST", "/api/stories", null, body)))
        .isTrue();
    int before = posts();

    ResponseEntity<String> running = post(token, "running", "{\"title\":\"Slow\"}");

    assertThat(running.getStatusCode().value()).isEqualTo(409);
    assertThat(running.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    assertThat(post(token, "no spaces allowed", "{}").getStatusCode().value()).isEqualTo(400);
    assertThat(posts()).isEqualTo(before);
  }

  @Test
  void aServiceThatCannotBeReachedAnswers503WithRetryAfter() {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token());
    ResponseEntity<String> answer =
        http.exchange(
            "/api/search/stories?q=x", HttpMethod.GET, new HttpEntity<>(headers), String.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    assertThat(
            answer
                .getHeaders()
                .getContentType()
                .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .isTrue();
    assertThat(answer.getBody()).contains("cannot be reached").doesNotContain("Exception");
  }

  private ResponseEntity<String> post(String token, String key, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (key != null) {
      headers.set(IdempotentPosts.HEADER, key);
    }
    return http.exchange(
        "/api/stories", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  private int posts() {
    return (int)
        COMMAND.received().stream().filter(received -> received.method().equals("POST")).count();
  }

  private String me(String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return http.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class)
        .getBody()
        .get("userId")
        .asText();
  }

  private String token() {
    return token("candidate3@demo.storybank");
  }

  private String token(String email) {
    return http.postForEntity(
            "/api/auth/login", Map.of("email", email, "password", "demo-password"), JsonNode.class)
        .getBody()
        .get("accessToken")
        .asText();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
