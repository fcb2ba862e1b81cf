package org.storybank.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** The gateway with its limits lowered: an account past them is answered 429 before forwarding. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "storybank.demo.enabled=true",
      "spring.kafka.listener.auto-startup=false",
      "STORYBANK_RATE_LIMIT_WRITES_PER_MINUTE=1",
      "STORYBANK_RATE_LIMIT_WRITES_BURST=3",
      "STORYBANK_RATE_LIMIT_SEARCHES_PER_MINUTE=1",
      "STORYBANK_RATE_LIMIT_SEARCHES_BURST=2"
    })
class RateLimitsOverHttpTest {

  static final FakeService SERVICES =
      new FakeService()
          .answering("/api/stories", "{\"id\":\"s-1\",\"version\":0}")
          .answering("/api/search/stories", "{\"total\":0,\"hits\":[]}");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", ScratchDatabase::url);
    registry.add("spring.datasource.username", () -> ScratchDatabase.USER);
    registry.add("spring.datasource.password", () -> ScratchDatabase.PASSWORD);
    registry.add("STORYBANK_COMMAND_URL", SERVICES::url);
    registry.add("STORYBANK_QUERY_URL", SERVICES::url);
  }

  @AfterAll
  static void stop() {
    SERVICES.close();
  }

  @Autowired TestRestTemplate http;

  @Test
  void writesPastTheLimitAre429WithRetryAfterAndAProblemAndReachNothing() throws Exception {
    String token = token("candidate1@demo.storybank");
    int before = received("POST");
    for (int i = 0; i < 3; i++) {
      assertThat(call(HttpMethod.POST, "/api/stories", token).getStatusCode().value())
          .as("write %d of the burst", i + 1)
          .isEqualTo(200);
    }

    ResponseEntity<String> refused = call(HttpMethod.POST, "/api/stories", token);

    assertThat(refused.getStatusCode().value()).isEqualTo(429);
    assertThat(Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
        .as("one write a minute: the next within a minute")
        .isBetween(1L, 60L);
    assertThat(
            refused
                .getHeaders()
                .getContentType()
                .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .isTrue();
    JsonNode problem = new ObjectMapper().readTree(refused.getBody());
    assertThat(problem.get("status").asInt()).isEqualTo(429);
    assertThat(problem.get("rule").asText()).isEqualTo("writes-per-minute");
    assertThat(problem.get("detail").asText()).contains("too many writes");
    assertThat(refused.getBody()).doesNotContain("Exception", "java.", "bucket4j");
    assertThat(call(HttpMethod.PUT, "/api/stories/s-1", token).getStatusCode().value())
        .as("every write method draws on the same bucket")
        .isEqualTo(429);
    assertThat(received("POST")).as("the service saw the burst only").isEqualTo(before + 3);

    assertThat(call(HttpMethod.GET, "/api/stories/s-1", token).getStatusCode().value())
        .as("reads go on")
        .isEqualTo(200);
    assertThat(call(HttpMethod.GET, "/api/search/stories?q=x", token).getStatusCode().value())
        .as("searches have their own limit")
        .isEqualTo(200);
    assertThat(
            call(HttpMethod.POST, "/api/stories", token("candidate2@demo.storybank"))
                .getStatusCode()
                .value())
        .as("another account writes on")
        .isEqualTo(200);
  }

  @Test
  void searchesPastTheLimitAre429() {
    String token = token("candidate3@demo.storybank");
    assertThat(call(HttpMethod.GET, "/api/search/stories?q=a", token).getStatusCode().value())
        .isEqualTo(200);
    assertThat(call(HttpMethod.GET, "/api/search/stories?q=b", token).getStatusCode().value())
        .isEqualTo(200);

    ResponseEntity<String> refused = call(HttpMethod.GET, "/api/search/stories?q=c", token);

    assertThat(refused.getStatusCode().value()).isEqualTo(429);
    assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
    assertThat(refused.getBody()).contains("too many searches", "searches-per-minute");
    assertThat(call(HttpMethod.POST, "/api/stories", token).getStatusCode().value())
        .as("writes have their own limit")
        .isEqualTo(200);
  }

  private ResponseEntity<String> call(HttpMethod method, String path, String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(HttpHeaders.IF_MATCH, "0");
    String body = method == HttpMethod.GET ? null : "{\"title\":\"One\"}";
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private int received(String method) {
    return (int)
        SERVICES.received().stream().filter(received -> received.method().equals(method)).count();
  }

  private String token(String email) {
    return http.postForEntity(
            "/api/auth/login", Map.of("email", email, "password", "demo-password"), JsonNode.class)
        .getBody()
        .get("accessToken")
        .asText();
  }
}
