package org.storybank.security.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request that failed on a dependency's broken connection answers 503 problem+json with
 * Retry-After. Spring alone takes a "broken pipe" anywhere in the cause chain for a client that
 * left, and answers 200 with an empty body. Real HTTP.
 */
@SpringBootTest(
    classes = EchoService.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DependencyFailuresTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  private HttpResponse<String> send(String method, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + EchoService.token("u-1", "candidate"))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode unavailable(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).doesNotContain("java.", "Exception", "Broken pipe", "08006");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(503);
    return problem;
  }

  @Test
  void aWriteThatFailedOnTheDatabasesCutConnectionIsNeverAnsweredAsSaved() throws Exception {
    JsonNode problem = unavailable(send("PUT", "/api/notes/1"));
    assertThat(problem.get("detail").asText()).contains("database");
  }

  @Test
  void theNextStatementOnAConnectionEvictedAsBrokenAnswers503() throws Exception {
    unavailable(send("POST", "/api/notes/1/copies"));
  }

  @Test
  void aFiltersQueryInADatabaseOutageAnswers503Too() throws Exception {
    JsonNode problem = unavailable(send("GET", "/api/looked-up/1"));
    assertThat(problem.get("detail").asText()).contains("database");
  }

  @Test
  void aConnectionResetByAnotherServerAnswers503() throws Exception {
    unavailable(send("GET", "/api/notes/1/neighbours"));
  }

  @Test
  void aClientThatLeftIsStillLeftAlone() throws Exception {
    HttpResponse<String> response = send("GET", "/api/notes/1/export");
    assertThat(response.statusCode()).isNotEqualTo(503);
  }
}
