package org.storybank.security.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error at a service's edge is problem+json naming what to fix, in JSON's words: unknown body
 * fields, wrong types, bad parameters, methods, media types, paths nothing answers, refusals and
 * failures. No Java type or exception message reaches the client. Real HTTP.
 */
@SpringBootTest(
    classes = EchoService.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestProblemsTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  private HttpRequest.Builder call(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + EchoService.token("u-1", "candidate"));
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return send(
        call(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body())
        .doesNotContain("java.", "org.springframework", "Exception", "timestamp");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).isNotBlank();
    return problem;
  }

  @Test
  void addressesTomcatRefusesItselfAnswerProblems() throws Exception {
    for (String path :
        List.of("/api/notes/x%00y", "/api/notes/a%2Fb", "/api/notes/%2e%2e%2f%2e%2e")) {
      problem(send(call(path).GET()), 400);
    }
  }

  @Test
  void anAcceptThatIsNoMediaTypeIs406() throws Exception {
    problem(send(call("/api/echo").header("Accept", "nonsense").GET()), 406);
    assertThat(send(call("/api/echo").header("Accept", "application/json").GET()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aWriteWhoseAcceptTakesNoJsonIsRefusedBeforeItRuns() throws Exception {
    int before = EchoService.Echo.NOTES_TAKEN.get();
    for (String accept : List.of("text/csv", "application/xml", "application/json;q=0")) {
      problem(
          send(
              call("/api/notes")
                  .header("Content-Type", "application/json")
                  .header("Accept", accept)
                  .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\"}"))),
          406);
    }
    assertThat(EchoService.Echo.NOTES_TAKEN.get()).as("the write never ran").isEqualTo(before);
    for (String accept : List.of("*/*", "application/*", "application/json, text/csv;q=0.5")) {
      assertThat(
              send(call("/api/notes")
                      .header("Content-Type", "application/json")
                      .header("Accept", accept)
                      .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\"}")))
                  .statusCode())
          .as(accept)
          .isEqualTo(200);
    }
  }

  @Test
  void aWildcardOrMalformedContentTypeIs415() throws Exception {
    for (String type : List.of("*/*", "application/*", "nonsense")) {
      problem(
          send(
              call("/api/notes")
                  .header("Content-Type", type)
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))),
          415);
    }
  }

  @Test
  void aNullInAListIsNamed() throws Exception {
    JsonNode problem = problem(post("/api/notes", "{\"parts\":[{\"name\":\"a\"},null]}"), 400);
    assertThat(problem.get("field").asText()).isEqualTo("parts[1]");
  }

  @Test
  void aKnownBodyIsTaken() throws Exception {
    HttpResponse<String> ok = post("/api/notes", "{\"title\":\"t\",\"count\":2}");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).get("count").asInt()).isEqualTo(2);
  }

  @Test
  void anUnknownFieldIsNamedNotDropped() throws Exception {
    JsonNode top = problem(post("/api/notes", "{\"title\":\"t\",\"confidental\":[]}"), 400);
    assertThat(top.get("field").asText()).isEqualTo("confidental");
    assertThat(top.get("rule").asText()).isEqualTo("is not a known field");

    JsonNode nested =
        problem(post("/api/notes", "{\"parts\":[{\"name\":\"a\"},{\"company\":\"x\"}]}"), 400);
    assertThat(nested.get("field").asText()).isEqualTo("parts[1].company");
  }

  @Test
  void aWrongTypeSaysWhatIsExpectedInJsonsWords() throws Exception {
    JsonNode count = problem(post("/api/notes", "{\"count\":\"many\"}"), 400);
    assertThat(count.get("field").asText()).isEqualTo("count");
    assertThat(count.get("rule").asText()).isEqualTo("must be a number");

    JsonNode pinned = problem(post("/api/notes", "{\"pinned\":[1]}"), 400);
    assertThat(pinned.get("field").asText()).isEqualTo("pinned");
    assertThat(pinned.get("rule").asText()).isEqualTo("must be true or false");

    JsonNode parts = problem(post("/api/notes", "{\"parts\":{\"name\":1}}"), 400);
    assertThat(parts.get("rule").asText()).isEqualTo("must be an array");

    assertThat(problem(post("/api/notes", "{\"title\":"), 400).get("field").asText())
        .isEqualTo("body");
  }

  @Test
  void aBadParameterIsNamed() throws Exception {
    JsonNode path = problem(send(call("/api/notes/first")), 400);
    assertThat(path.get("parameter").asText()).isEqualTo("index");
    assertThat(path.get("rule").asText()).isEqualTo("must be a number");

    JsonNode query = problem(send(call("/api/notes/1?size=lots")), 400);
    assertThat(query.get("parameter").asText()).isEqualTo("size");
  }

  @Test
  void methodsMediaTypesAndUnknownPathsAnswerProblems() throws Exception {
    problem(send(call("/api/notes").DELETE()), 405);
    problem(
        send(
            call("/api/notes")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))),
        415);
    problem(send(call("/api/notes/1/no-such-part")), 404);
    problem(send(call("/api/nothing-here")), 404);
  }

  @Test
  void aFailureIsA500ProblemNeverAnEmpty401() throws Exception {
    JsonNode failure = problem(send(call("/api/broken")), 500);
    assertThat(failure.toString()).doesNotContain("secret internals");
  }

  @Test
  void refusalsCarryAProblemToo() throws Exception {
    HttpResponse<String> noToken =
        send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/notes/1")));
    problem(noToken, 401);
    assertThat(noToken.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
  }
}
