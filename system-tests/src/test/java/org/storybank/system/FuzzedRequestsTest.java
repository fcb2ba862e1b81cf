package org.storybank.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.storybank.system.ApiOperations.Operation;
import org.storybank.system.FuzzedRequests.Request;

/** The fuzzer's generators, without a stack: what they make, and the same again from one seed. */
class FuzzedRequestsTest {

  static final String DOCUMENT =
      """
      {"paths":{"/api/stories/{storyId}":{"put":{"x-service":"story-command",
        "parameters":[{"name":"storyId","in":"path","required":true,"schema":{"type":"string"}},
                      {"name":"dryRun","in":"query","schema":{"type":"boolean"}}],
        "requestBody":{"required":true,"content":{"application/json":
          {"schema":{"$ref":"#/components/schemas/Revise"}}}}}},
       "/api/auth/login":{"post":{"requestBody":{"content":{"application/json":{"schema":
          {"type":"object","properties":{"email":{"type":"string"},"password":{"type":"string"}}}}}}}}},
       "components":{"schemas":{"Revise":{"type":"object","required":["title"],"properties":{
          "title":{"type":"string"},"level":{"type":"string","enum":["entry","mid"]},
          "principles":{"type":"array","items":{"type":"string"}},
          "rating":{"type":"integer"}}}}}}
      """;

  private final ApiOperations document = new ApiOperations(Api.json(DOCUMENT));

  @Test
  void theDocumentsOperationsAreReadWithTheirBodySchemaResolved() {
    List<Operation> operations = document.all();

    assertThat(operations)
        .extracting(Operation::key)
        .containsExactly("PUT /api/stories/{storyId}", "POST /api/auth/login");
    Operation revise = operations.get(0);
    assertThat(revise.service()).isEqualTo("story-command");
    assertThat(revise.in("path"))
        .extracting(ApiOperations.Parameter::name)
        .containsExactly("storyId");
    assertThat(revise.in("query"))
        .extracting(ApiOperations.Parameter::name)
        .containsExactly("dryRun");
    assertThat(revise.bodySchema().path("properties").has("principles")).isTrue();
    assertThat(operations.get(1).service()).isEqualTo("web-gateway");
  }

  @Test
  void requestsCoverWellFormedAndBrokenInputOfEveryKind() {
    Operation revise = document.all().get(0);
    List<Request> requests = draw(revise, 42, 600);

    assertThat(requests)
        .extracting(Request::role)
        .contains(FuzzedRequests.ROLES.toArray(String[]::new));
    assertThat(share(requests, r -> r.path().startsWith("/api/stories/s-1")))
        .as("the real id")
        .isBetween(0.4, 0.8);
    assertThat(share(requests, r -> r.path().contains("dryRun="))).isPositive();
    assertThat(
            share(
                requests,
                r -> json(r) != null && json(r).has("title") && json(r).path("title").isTextual()))
        .as("bodies of the schema's shape")
        .isGreaterThan(0.2);
    assertThat(share(requests, r -> json(r) != null && json(r).path("rating").isTextual()))
        .as("a wrong type")
        .isPositive();
    assertThat(
            share(
                requests,
                r ->
                    json(r) != null && json(r).has("confidental")
                        || json(r) != null && json(r).has("authorId")))
        .as("unknown fields")
        .isPositive();
    assertThat(share(requests, r -> r.body() != null && json(r) == null))
        .as("not JSON")
        .isPositive();
    assertThat(share(requests, r -> r.body() != null && r.body().length() > 10_000))
        .as("huge or deep")
        .isPositive();
    assertThat(share(requests, r -> r.body() != null && r.body().chars().anyMatch(c -> c < 0x20)))
        .as("control characters")
        .isPositive();
    assertThat(share(requests, r -> r.headers().containsKey("If-Match"))).isPositive();
    assertThat(requests)
        .as("every one can be sent")
        .allSatisfy(r -> assertThat(URI.create("http://h" + r.path())).isNotNull());
    assertThat(share(requests, r -> !"application/json".equals(r.headers().get("Content-Type"))))
        .isPositive();
  }

  @Test
  void aSignInIsNeverSentWithBothAnEmailAndAPassword() {
    Operation login = document.all().get(1);

    assertThat(draw(login, 7, 300))
        .noneMatch(
            r ->
                json(r) != null
                    && json(r).path("email").isTextual()
                    && json(r).path("password").isTextual());
  }

  @Test
  void oneSeedDrawsTheSameRequests() {
    Operation revise = document.all().get(0);

    assertThat(draw(revise, 99, 50)).isEqualTo(draw(revise, 99, 50));
    assertThat(draw(revise, 99, 50)).isNotEqualTo(draw(revise, 100, 50));
  }

  private List<Request> draw(Operation operation, long seed, int count) {
    FuzzedRequests requests =
        new FuzzedRequests(
            document,
            segment -> segment.equals("stories") ? List.of("s-1") : List.of(),
            List.of("s-1", "u-1"),
            seed);
    return IntStream.range(0, count).mapToObj(i -> requests.next(operation)).toList();
  }

  private static double share(List<Request> requests, Predicate<Request> which) {
    return requests.stream().filter(which).count() / (double) requests.size();
  }

  private static JsonNode json(Request request) {
    if (request.body() == null) {
      return null;
    }
    try {
      return new ObjectMapper().readTree(request.body());
    } catch (Exception notJson) {
      return null;
    }
  }
}
