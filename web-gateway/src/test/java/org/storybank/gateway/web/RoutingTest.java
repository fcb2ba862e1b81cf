package org.storybank.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
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
import org.storybank.gateway.support.FakeService;
import org.storybank.gateway.support.ScratchDatabase;

/** The gateway routes to the services with the caller's token and a request id. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "storybank.demo.enabled=true",
      "spring.kafka.listener.auto-startup=false",
      "storybank.http.cors-origins=https://app.example.org"
    })
class RoutingTest {

  static final FakeService COMMAND = new FakeService().answering("/api/stories/s-1", "{\"id\":1}");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", ScratchDatabase::url);
    registry.add("spring.datasource.username", () -> ScratchDatabase.USER);
    registry.add("spring.datasource.password", () -> ScratchDatabase.PASSWORD);
    registry.add("STORYBANK_COMMAND_URL", COMMAND::url);
  }

  @AfterAll
  static void stop() {
    COMMAND.close();
  }

  @Autowired TestRestTemplate http;

  @Test
  void aRouteForwardsTheTokenAndAKeptOrNewRequestId() {
    String token =
        http.postForEntity(
                "/api/auth/login",
                Map.of("email", "candidate1@demo.storybank", "password", "demo-password"),
                JsonNode.class)
            .getBody()
            .get("accessToken")
            .asText();

    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    headers.set("X-Request-Id", "trace-me-123");
    ResponseEntity<String> kept =
        http.exchange("/api/stories/s-1", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(kept.getStatusCode().value()).isEqualTo(200);
    assertThat(kept.getHeaders().get("X-Request-Id"))
        .as("answered once, though the service echoes it too")
        .containsExactly("trace-me-123");
    FakeService.Received first = COMMAND.received().getLast();
    assertThat(first.path()).isEqualTo("/api/stories/s-1");
    assertThat(first.header("X-Request-Id")).isEqualTo("trace-me-123");
    assertThat(first.header("Authorization")).isEqualTo("Bearer " + token);

    headers.set("X-Request-Id", "not a valid id <x>");
    ResponseEntity<String> replaced =
        http.exchange("/api/stories/s-1", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    String id = replaced.getHeaders().getFirst("X-Request-Id");
    assertThat(id).isNotEqualTo("not a valid id <x>").isNotBlank();
    assertThat(COMMAND.received().getLast().header("X-Request-Id")).isEqualTo(id);
  }

  @Test
  void corsIsAnsweredOnceAtTheGatewayForAnAllowedOriginAndNotAtAllForOthers() {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token());
    headers.setOrigin("https://app.example.org");
    ResponseEntity<String> allowed =
        http.exchange("/api/stories/s-1", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(allowed.getStatusCode().value()).isEqualTo(200);
    assertThat(allowed.getHeaders().get("Access-Control-Allow-Origin"))
        .containsExactly("https://app.example.org");
    assertThat(COMMAND.received().getLast().header("Origin")).isNull();

    headers.setOrigin("https://elsewhere.example.com");
    int before = COMMAND.received().size();
    ResponseEntity<String> foreign =
        http.exchange("/api/stories/s-1", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(foreign.getStatusCode().value()).isEqualTo(403);
    assertThat(COMMAND.received()).as("not routed").hasSize(before);
  }

  @Test
  void theGatewaySendsTheSecurityHeadersAndRefusesOversizedBodiesBeforeRouting() {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token());
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    int before = COMMAND.received().size();
    ResponseEntity<String> tooLarge =
        http.exchange(
            "/api/stories",
            HttpMethod.POST,
            new HttpEntity<>("{\"title\":\"" + "x".repeat(300 * 1024) + "\"}", headers),
            String.class);
    assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
    assertThat(COMMAND.received()).hasSize(before);

    ResponseEntity<String> me =
        http.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(me.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(me.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(me.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(me.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
  }

  private String token() {
    return http.postForEntity(
            "/api/auth/login",
            Map.of("email", "candidate2@demo.storybank", "password", "demo-password"),
            JsonNode.class)
        .getBody()
        .get("accessToken")
        .asText();
  }

  @Test
  void aCallWithoutATokenIsTurnedAwayBeforeRoutingAndStillGetsARequestId() {
    int before = COMMAND.received().size();
    ResponseEntity<String> refused = http.getForEntity("/api/stories/s-1", String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(401);
    assertThat(refused.getHeaders().getFirst("X-Request-Id")).isNotBlank();
    assertThat(COMMAND.received()).hasSize(before);
  }
}
