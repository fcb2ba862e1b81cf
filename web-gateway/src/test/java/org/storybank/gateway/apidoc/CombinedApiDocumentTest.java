package org.storybank.gateway.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.storybank.gateway.support.FakeService;
import org.storybank.gateway.support.ScratchDatabase;

/** The gateway serves one OpenAPI document: its own endpoints and each service's. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.kafka.listener.auto-startup=false")
class CombinedApiDocumentTest {

  static final FakeService COMMAND =
      new FakeService()
          .answering(
              "/v3/api-docs",
              """
              {"openapi":"3.0.1","paths":{
                "/api/stories/{storyId}":{"get":{"operationId":"read"},"put":{"operationId":"revise"}},
                "/actuator/health":{"get":{}}},
               "components":{"schemas":{"StoryBody":{"type":"object"}}}}
              """);
  static final FakeService QUERY =
      new FakeService()
          .answering(
              "/v3/api-docs",
              """
              {"openapi":"3.0.1","paths":{"/api/search/stories":{"get":{"operationId":"search"}}},
               "components":{"schemas":{"SearchHit":{"type":"object"}}}}
              """);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", ScratchDatabase::url);
    registry.add("spring.datasource.username", () -> ScratchDatabase.USER);
    registry.add("spring.datasource.password", () -> ScratchDatabase.PASSWORD);
    registry.add("STORYBANK_COMMAND_URL", COMMAND::url);
    registry.add("STORYBANK_QUERY_URL", QUERY::url);
    // nothing listens there
    registry.add("STORYBANK_EVALUATION_URL", () -> "http://127.0.0.1:9");
  }

  @AfterAll
  static void stop() {
    COMMAND.close();
    QUERY.close();
  }

  @Autowired TestRestTemplate http;

  @Test
  void theDocumentListsTheGatewaysAndEachServicesEndpointsWithoutATokenNeeded() {
    JsonNode document = http.getForObject("/api/openapi.json", JsonNode.class);

    List<String> paths = new ArrayList<>();
    document.get("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths)
        .contains(
            "/api/auth/login",
            "/api/auth/register",
            "/api/auth/refresh",
            "/api/auth/logout",
            "/api/auth/password-reset",
            "/api/me",
            "/api/admin/accounts/{userId}/lock",
            "/api/stories/{storyId}",
            "/api/search/stories")
        .doesNotContain("/actuator/health");
    JsonNode read = document.get("paths").get("/api/stories/{storyId}");
    assertThat(read.get("get").get("x-service").asText()).isEqualTo("story-command");
    assertThat(read.has("put")).isTrue();
    assertThat(document.get("paths").get("/api/me").get("get").get("x-service").asText())
        .isEqualTo("web-gateway");
    assertThat(document.get("paths").get("/api/me").get("get").path("parameters").toString())
        .as("the caller comes from the token, not from a parameter")
        .doesNotContain("caller");
    assertThat(document.get("components").get("schemas").has("StoryBody")).isTrue();
    assertThat(document.get("components").get("schemas").has("SearchHit")).isTrue();
    assertThat(document.get("components").get("securitySchemes").has("bearer-jwt")).isTrue();
    assertThat(document.get("x-unavailable-services").toString()).contains("evaluation");
  }
}
