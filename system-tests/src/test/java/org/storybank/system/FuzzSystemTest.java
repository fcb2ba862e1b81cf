package org.storybank.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.storybank.system.ApiOperations.Operation;
import org.storybank.system.FuzzedRequests.Request;

/**
 * A property-based fuzzer driven by the gateway's combined OpenAPI document: every operation it
 * lists is sent generated requests ({@link FuzzedRequests}: bodies, path and query parameters,
 * headers, tokens of each role) through the gateway and, for the services' own operations, straight
 * at the service. Whatever is sent, the answer is never a 5xx, never shows a Java type name or a
 * stack trace, is problem+json when it is a 4xx, and a refused write leaves its target (the
 * fuzzer's own story, cohort and drill) as it was. The number of tries is bounded ({@code
 * -Dstorybank.fuzz.rounds}, 6 by default, and {@code -Dstorybank.fuzz.seconds}, 100). The seed is
 * fixed so that the suite answers the same on the same code ({@code -Dstorybank.fuzz.seed=random}
 * explores, {@code -Dstorybank.fuzz.seed=N} replays a printed seed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedStack.class)
@org.junit.jupiter.api.Order(1)
class FuzzSystemTest {

  /** Operations not fuzzed, and why. */
  private static final Map<String, String> LEFT_OUT =
      Map.of(
          "POST /api/admin/signing-keys",
          "rotates the key every token of the other test classes is signed with");

  /** What an answer must never show. */
  private static final List<String> LEAKS =
      List.of(
          "java.",
          "javax.",
          "jakarta.",
          "Exception",
          "org.springframework",
          "org.apache",
          "org.axonframework",
          "com.fasterxml",
          "co.elastic",
          "org.postgresql",
          "org.storybank",
          "\tat ");

  private static final String PASSWORD = "fuzz-password-" + UUID.randomUUID();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Api gateway;
  private String gatewayUrl;
  private Path logs;
  private Map<String, String> serviceUrls;
  private final Map<String, String> tokens = new LinkedHashMap<>();
  private final Map<String, String> ids = new LinkedHashMap<>();
  private int containerRefusals;

  private record Finding(String kind, String target, String operation, int status, String example) {
    String key() {
      return kind + " " + target + " " + operation + " " + status;
    }
  }

  @BeforeAll
  void up(RunningStack stack) throws Exception {
    gatewayUrl = stack.gatewayUrl();
    logs = stack.stateDir() == null ? null : stack.stateDir().resolve("logs");
    gateway = new Api(gatewayUrl);
    serviceUrls =
        Map.of(
            "story-command", "http://127.0.0.1:" + stack.ports().get("COMMAND"),
            "story-query", "http://127.0.0.1:" + stack.ports().get("QUERY"),
            "evaluation", "http://127.0.0.1:" + stack.ports().get("EVALUATION"));
    tokens.put("admin", gateway.login("admin@demo.storybank", "demo-password"));
    tokens.put("coach", gateway.login("coach1@demo.storybank", "demo-password"));
    ids.put("admin", me("admin"));
    ids.put("coach", me("coach"));
    String cohort = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
    ok(
        gateway.post(
            "/api/cohorts",
            tokens.get("admin"),
            Map.of("id", cohort, "name", "Fuzz", "coachId", ids.get("coach"))));
    ids.put("cohort", cohort);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              tokens.put("coach", gateway.login("coach1@demo.storybank", "demo-password"));
              assertThat(gateway.get("/api/me", tokens.get("coach")).body().toString())
                  .contains(cohort);
            });
    tokens.put("candidate", join("candidate"));
    ids.put("candidate", me("candidate"));
    String victim = join("victim");
    ids.put("victim", gateway.get("/api/me", victim).body().get("userId").asText());

    JsonNode story =
        ok(gateway.post(
                "/api/stories",
                tokens.get("candidate"),
                Map.of(
                    "title", "The queue nobody watched",
                    "principles", List.of("ownership"),
                    "prompts", List.of("Tell me about a time you took on something"),
                    "level", "mid",
                    "situation", "Our job queue backed up every night.",
                    "task", "Nobody owned it.",
                    "action", "I added an alert and fixed the retry loop.",
                    "result", "Backlogs went from five a week to zero.")))
            .body();
    ids.put("story", story.get("id").asText());
    JsonNode shown =
        gateway.get("/api/stories/" + ids.get("story"), tokens.get("candidate")).body();
    ids.put("prompt", shown.path("prompts").path(0).path("promptId").asText());
    ids.put(
        "comment",
        ok(gateway.post(
                "/api/stories/" + ids.get("story") + "/comments",
                tokens.get("coach"),
                Map.of("field", "action", "start", 0, "end", 1, "text", "why?")))
            .body()
            .get("commentId")
            .asText());
    Api.Response drill =
        gateway.post("/api/drills", tokens.get("candidate"), Map.of("principle", "ownership"));
    ids.put("drill", drill.body().path("id").asText(""));
    Api.Response loop =
        gateway.post(
            "/api/loops",
            tokens.get("candidate"),
            Map.of(
                "company", "Fuzz Corp",
                "role", "Engineer",
                "level", "mid",
                "date", "2027-01-31",
                "interviews",
                    List.of(Map.of("name", "Screen", "principles", List.of("ownership")))));
    ids.put("loop", loop.body().path("id").asText(""));
    ids.values().removeIf(String::isBlank);
  }

  /** The seed of the suite's run: a random one found a 500 that failed a landing by chance. */
  private static final String SUITE_SEED = "20261207";

  private static long seed() {
    String seed = System.getProperty("storybank.fuzz.seed", SUITE_SEED);
    return "random".equals(seed) ? System.nanoTime() : Long.parseLong(seed);
  }

  @Test
  void noInputReachesA5xxOrALeakAndARefusedWriteChangesNothing() throws Exception {
    int rounds = Integer.getInteger("storybank.fuzz.rounds", 6);
    long seconds = Long.getLong("storybank.fuzz.seconds", 100);
    long seed = seed();
    JsonNode document = gateway.get("/api/openapi.json", null).body();
    assertThat(document.path("x-unavailable-services")).as("every service documented").isEmpty();
    List<Operation> operations =
        new ApiOperations(document)
            .all().stream().filter(operation -> !LEFT_OUT.containsKey(operation.key())).toList();
    FuzzedRequests requests =
        new FuzzedRequests(new ApiOperations(document), this::idsAfter, idsForBodies(), seed);

    Map<String, Finding> findings = new TreeMap<>();
    Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
    Map<String, Integer> sentPerOperation = new TreeMap<>();
    Set<String> reachedPerOperation = new TreeSet<>();
    int sent = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    long start = System.nanoTime();
    rounds:
    for (int round = 0; round < rounds; round++) {
      for (Operation operation : operations) {
        for (String target : targets(operation)) {
          if (System.nanoTime() > deadline) {
            break rounds;
          }
          Request request = requests.next(operation);
          String before = isWrite(request) ? snapshot(request.path()) : null;
          HttpResponse<String> answer;
          try {
            answer = send(target, request);
          } catch (IllegalArgumentException notAUri) {
            throw new IllegalStateException(
                "the fuzzer made a request it cannot send: " + request.describe(), notAUri);
          } catch (HttpTimeoutException timeout) {
            record(
                findings,
                new Finding("no answer in 20 s", target, operation.key(), 0, request.describe()));
            continue;
          }
          sent++;
          sentPerOperation.merge(operation.key(), 1, Integer::sum);
          statuses
              .computeIfAbsent(target, t -> new TreeMap<>())
              .merge(answer.statusCode(), 1, Integer::sum);
          if (answer.statusCode() < 300) {
            reachedPerOperation.add(operation.key());
          }
          check(findings, target, operation, request, answer, before);
        }
      }
    }
    double took = (System.nanoTime() - start) / 1e9;

    System.out.printf(
        Locale.ROOT,
        "fuzzer (seed %d): %d operations of %d in the API document (%s left out), %d requests in"
            + " %.0f s (%.0f/s); answered 2xx by at least one request: %d operations%n",
        seed,
        sentPerOperation.size(),
        operations.size() + LEFT_OUT.size(),
        String.join(", ", LEFT_OUT.keySet()),
        sent,
        took,
        sent / took,
        reachedPerOperation.size());
    statuses.forEach(
        (target, counts) -> System.out.println("  statuses via " + target + ": " + counts));
    System.out.println(
        "  400s from Tomcat for a request line and headers over its limit: " + containerRefusals);
    List<String> neverReached =
        operations.stream()
            .map(Operation::key)
            .filter(key -> !reachedPerOperation.contains(key))
            .distinct()
            .toList();
    System.out.println("  never answered 2xx: " + neverReached);
    findings.values().forEach(finding -> System.out.println("  FOUND " + finding));

    assertThat(sentPerOperation.keySet())
        .as("every operation was tried at least once")
        .containsAll(operations.stream().map(Operation::key).toList());
    assertThat(findings.values().stream().map(Finding::toString).collect(Collectors.toList()))
        .as("what the fuzzer found (seed %d)", seed)
        .isEmpty();
  }

  private void check(
      Map<String, Finding> findings,
      String target,
      Operation operation,
      Request request,
      HttpResponse<String> answer,
      String before)
      throws Exception {
    int status = answer.statusCode();
    String body = answer.body() == null ? "" : answer.body();
    String example = request.describe() + " → " + FuzzedRequests.abbreviate(body, 300);
    if (status >= 500) {
      record(
          findings, new Finding("5xx", target, operation.key(), status, example + logged(answer)));
    }
    for (String leak : LEAKS) {
      if (body.contains(leak)) {
        record(
            findings,
            new Finding("shows '" + leak + "'", target, operation.key(), status, example));
      }
    }
    if (status >= 400 && status < 500) {
      String type = answer.headers().firstValue("Content-Type").orElse("none");
      if (status == 400 && overLineAndHeaderLimit(target, request)) {
        // Tomcat refuses these before any application code runs (README, "At the edge")
        containerRefusals++;
      } else if (!type.startsWith("application/problem+json")) {
        record(findings, new Finding("4xx as " + type, target, operation.key(), status, example));
      }
      if (before != null) {
        String after = snapshot(request.path());
        if (!before.equals(after)) {
          record(
              findings,
              new Finding(
                  "target changed by a refused write: " + before + " → " + after,
                  target,
                  operation.key(),
                  status,
                  example));
        }
      }
    }
  }

  /**
   * The request line and headers near or over what Tomcat reads (16 KB at the gateway, 8 KB at a
   * service), token included.
   */
  private boolean overLineAndHeaderLimit(String target, Request request) {
    int size = request.method().length() + request.path().length() + 200;
    size +=
        request.headers().entrySet().stream()
            .mapToInt(h -> h.getKey().length() + h.getValue().length() + 4)
            .sum();
    String token = tokens.get(request.role());
    size += token == null ? 0 : token.length() + 24;
    return size > (target.equals("gateway") ? 16 * 1024 : 8 * 1024) - 1024;
  }

  /** What the services logged about a request (by its request id): the cause of a 5xx. */
  private String logged(HttpResponse<String> answer) {
    String requestId = answer.headers().firstValue("X-Request-Id").orElse(null);
    if (logs == null || requestId == null || requestId.isBlank()) {
      return "";
    }
    StringBuilder lines = new StringBuilder();
    try (var files = Files.list(logs)) {
      for (Path file : files.toList()) {
        List<String> all = Files.readAllLines(file);
        for (int i = 0; i < all.size(); i++) {
          if (all.get(i).contains(requestId)
              && (all.get(i).contains("ERROR") || all.get(i).contains("WARN"))) {
            lines
                .append("\n    ")
                .append(file.getFileName())
                .append(": ")
                .append(FuzzedRequests.abbreviate(all.get(i), 400));
            for (int j = i + 1; j < Math.min(all.size(), i + 4); j++) {
              lines.append("\n      ").append(FuzzedRequests.abbreviate(all.get(j), 300));
            }
          }
        }
      }
    } catch (IOException | UncheckedIOException unreadable) {
      return "";
    }
    return lines.toString();
  }

  private static void record(Map<String, Finding> findings, Finding finding) {
    findings.putIfAbsent(finding.key(), finding);
  }

  /** Through the gateway; the services' own operations straight at the service too. */
  private List<String> targets(Operation operation) {
    return serviceUrls.containsKey(operation.service())
        ? List.of("gateway", operation.service())
        : List.of("gateway");
  }

  private HttpResponse<String> send(String target, Request request) throws Exception {
    String base = target.equals("gateway") ? gatewayUrl : serviceUrls.get(target);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + request.path()))
            .timeout(Duration.ofSeconds(20))
            .method(
                request.method(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(request.body()));
    String token =
        switch (request.role()) {
          case "no token" -> null;
          case "a garbage token" -> "eyJhbGciOiJub25lIn0.e30.";
          default -> tokens.get(request.role());
        };
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    request.headers().forEach(builder::header);
    return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static boolean isWrite(Request request) {
    return !request.method().equals("GET");
  }

  /**
   * What a refused write must leave as it was: the story's steps taken by people (its automatic
   * evaluations arrive on their own after an accepted revision), the cohort, the drill.
   */
  private String snapshot(String path) throws Exception {
    String story = ids.get("story");
    if (path.startsWith("/api/stories/" + story)) {
      JsonNode history =
          gateway.get("/api/stories/" + story + "/history", tokens.get("candidate")).body();
      Set<String> people = Set.of(ids.get("candidate"), ids.get("coach"), ids.get("admin"));
      List<String> steps = new ArrayList<>();
      for (JsonNode entry : history.path("entries")) {
        if (people.contains(entry.path("actorId").asText())) {
          steps.add(entry.path("version").asText() + " " + entry.path("type").asText());
        }
      }
      return "story " + steps;
    }
    String cohort = ids.get("cohort");
    if (path.startsWith("/api/cohorts/" + cohort)) {
      return "cohort " + gateway.get("/api/cohorts/" + cohort, tokens.get("admin")).body();
    }
    String drill = ids.get("drill");
    if (drill != null && path.startsWith("/api/drills/" + drill)) {
      return "drill "
          + gateway.get("/api/drills/" + drill, tokens.get("candidate")).body().path("drill");
    }
    return null;
  }

  /**
   * Ids that bodies and queries may carry: never the demo coach's or admin's, so that no cohort the
   * fuzzer happens to create is coached by an account other test classes use.
   */
  private List<String> idsForBodies() {
    return ids.entrySet().stream()
        .filter(id -> !Set.of("coach", "admin").contains(id.getKey()))
        .map(Map.Entry::getValue)
        .toList();
  }

  /** The fuzzer's own objects, by the path segment before a parameter. */
  private List<String> idsAfter(String segment) {
    String id =
        switch (segment) {
          case "stories" -> ids.get("story");
          case "cohorts" -> ids.get("cohort");
          case "drills" -> ids.get("drill");
          case "loops" -> ids.get("loop");
          case "comments" -> ids.get("comment");
          case "prompts" -> ids.get("prompt");
          // never the fuzzer's own candidate: a lock or a removal would end its part in the run
          case "accounts", "candidates" -> ids.get("victim");
          case "principles" -> "ownership";
          default -> null;
        };
    return id == null ? List.of() : List.of(id);
  }

  private String join(String name) throws Exception {
    String code =
        ok(gateway.post(
                "/api/cohorts/" + ids.get("cohort") + "/invitations",
                tokens.get("coach"),
                Map.of()))
            .body()
            .get("code")
            .asText();
    String email =
        "fuzz-" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    ok(
        gateway.post(
            "/api/auth/register",
            null,
            Map.of("invitationCode", code, "email", email, "password", PASSWORD, "name", name)));
    return gateway.login(email, PASSWORD);
  }

  private String me(String role) throws Exception {
    return gateway.get("/api/me", tokens.get(role)).body().get("userId").asText();
  }

  private static Api.Response ok(Api.Response response) {
    assertThat(response.status()).as("%s", response.body()).isBetween(200, 299);
    return response;
  }
}
