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
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.storybank.gateway.support.FakeService;
import org.storybank.gateway.support.ScratchDatabase;

/** Practice drills: reads and writes alike go to story-command, nothing to story-query. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"storybank.demo.enabled=true", "spring.kafka.listener.auto-startup=false"})
class DrillRoutingTest {

  static final FakeService COMMAND =
      new FakeService()
          .answering("/api/drills", "[]")
          .answering("/api/drills/summary", "[]")
          .answering("/api/drills/d-1", "{}")
          .answering("/api/drills/d-1/answer", "{}")
          .answering("/api/drills/d-1/rating", "{}");
  static final FakeService QUERY = new FakeService();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", ScratchDatabase::url);
    registry.add("spring.datasource.username", () -> ScratchDatabase.USER);
    registry.add("spring.datasource.password", () -> ScratchDatabase.PASSWORD);
    registry.add("STORYBANK_COMMAND_URL", COMMAND::url);
    registry.add("STORYBANK_QUERY_URL", QUERY::url);
  }

  @AfterAll
  static void stop() {
    COMMAND.close();
    QUERY.close();
  }

  @Autowired TestRestTemplate http;

  @Test
  void everyDrillCallGoesToTheCommandService() {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token());
    headers.setContentType(MediaType.APPLICATION_JSON);
    Object[][] calls = {
      {HttpMethod.POST, "/api/drills"},
      {HttpMethod.GET, "/api/drills"},
      {HttpMethod.GET, "/api/drills/summary"},
      {HttpMethod.GET, "/api/drills/d-1"},
      {HttpMethod.POST, "/api/drills/d-1/answer"},
      {HttpMethod.PUT, "/api/drills/d-1/rating"},
      {HttpMethod.DELETE, "/api/drills/d-1"},
    };
    for (Object[] call : calls) {
      HttpMethod method = (HttpMethod) call[0];
      String path = (String) call[1];
      int before = COMMAND.received().size();
      http.exchange(path, method, new HttpEntity<>("{}", headers), String.class);
      assertThat(COMMAND.received()).as("%s %s", method, path).hasSize(before + 1);
      assertThat(COMMAND.received().getLast().method()).isEqualTo(method.name());
      assertThat(COMMAND.received().getLast().path()).isEqualTo(path);
    }
    assertThat(QUERY.received()).as("nothing reached the query service").isEmpty();
  }

  private String token() {
    return http.postForEntity(
            "/api/auth/login",
            Map.of("email", "candidate3@demo.storybank", "password", "demo-password"),
            JsonNode.class)
        .getBody()
        .get("accessToken")
        .asText();
  }
}
