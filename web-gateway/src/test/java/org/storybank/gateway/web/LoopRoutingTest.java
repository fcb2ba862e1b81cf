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

/** Interview loops: reads go to story-query's projection, writes to story-command. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"storybank.demo.enabled=true", "spring.kafka.listener.auto-startup=false"})
class LoopRoutingTest {

  static final FakeService COMMAND =
      new FakeService()
          .answering("/api/loops", "{\"id\":\"l-1\"}")
          .answering("/api/loops/l-1", "{}");
  static final FakeService QUERY =
      new FakeService()
          .answering("/api/loops", "[]")
          .answering("/api/loops/l-1", "{}")
          .answering("/api/loops/l-1/plan", "{}");

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
  void readsGoToTheQueryServiceAndWritesToTheCommandService() {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token());
    headers.setContentType(MediaType.APPLICATION_JSON);
    for (String path : new String[] {"/api/loops", "/api/loops/l-1", "/api/loops/l-1/plan"}) {
      int before = QUERY.received().size();
      assertThat(
              http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class)
                  .getStatusCode()
                  .value())
          .isEqualTo(200);
      assertThat(QUERY.received()).hasSize(before + 1);
      assertThat(QUERY.received().getLast().path()).isEqualTo(path);
    }
    int queried = QUERY.received().size();
    for (HttpMethod method : new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT}) {
      String path = method == HttpMethod.POST ? "/api/loops" : "/api/loops/l-1";
      http.exchange(path, method, new HttpEntity<>("{}", headers), String.class);
      assertThat(COMMAND.received().getLast().method()).isEqualTo(method.name());
      assertThat(COMMAND.received().getLast().path()).isEqualTo(path);
    }
    assertThat(QUERY.received()).as("no write reached the query service").hasSize(queried);
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
