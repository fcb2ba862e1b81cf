package org.storybank.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walking skeleton end to end, exactly as a person runs it: {@code ./storybank up} on free
 * ports with real PostgreSQL, Kafka and Elasticsearch; one story from login through the gateway,
 * the event store and Kafka into the search index; the tenant wall; {@code ./storybank down} leaves
 * nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedStack.class)
@org.junit.jupiter.api.Order(4)
class StorySliceSystemTest {

  private static final String PASSWORD = "demo-password";

  private Path stateDir;
  private StorybankProcess storybank;
  private Api gateway;
  private Map<String, Integer> ports;
  private String upOutput;

  /** The stack this run's system test classes share, started by {@code ./storybank up}. */
  @BeforeAll
  void up(RunningStack stack) {
    stateDir = stack.stateDir();
    storybank = stack.process();
    ports = stack.ports();
    upOutput = stack.upOutput();
    assertThat(storybank)
        .as("this class needs a stack of its own, not one named by URL")
        .isNotNull();
    gateway = new Api(stack.gatewayUrl());
  }

  @Test
  @Order(1)
  void upPrintsTheGatewayAndTheDemoLogins() {
    assertThat(upOutput)
        .contains("http://127.0.0.1:" + ports.get("GATEWAY"))
        .contains("admin@demo.storybank", "coach1@demo.storybank", "coach2@demo.storybank")
        .contains("candidate1@demo.storybank", "candidate6@demo.storybank")
        .contains("demo-password")
        .containsPattern("up in \\d+s");
  }

  @Test
  @Order(2)
  void aStoryWrittenThroughTheGatewayIsFoundByAWordOfItsAction() throws Exception {
    String marker = "quillfeather" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    String candidate1 = gateway.login("candidate1@demo.storybank", PASSWORD);

    Api.Response created =
        gateway.post(
            "/api/stories",
            candidate1,
            Map.of(
                "title", "The billing export nobody owned",
                "principles", List.of("ownership", "dive-deep"),
                "prompts", List.of("Tell me about a time you took on something outside your role"),
                "level", "mid",
                "situation", "Finance received broken invoice exports every month end.",
                "task", "The export job had no owner after a reorganisation.",
                "action",
                    "I rebuilt the export with a " + marker + " checksum and wrote its runbook.",
                "result", "Broken exports went from four a quarter to zero."));
    assertThat(created.status()).as("draft answered %s", created.body()).isEqualTo(201);
    String storyId = created.body().get("id").asText();
    assertThat(created.body().get("version").asLong()).isZero();

    JsonNode found = awaitFirstHit(candidate1, marker, storyId);
    JsonNode hit = found.get("hits").get(0);
    assertThat(hit.get("storyId").asText()).isEqualTo(storyId);
    assertThat(hit.get("title").asText()).isEqualTo("The billing export nobody owned");
    assertThat(hit.get("highlights").get("action").get(0).asText())
        .contains("<em>" + marker + "</em>");

    String candidate2 = gateway.login("candidate2@demo.storybank", PASSWORD);
    assertThat(search(candidate2, marker).get("total").asLong())
        .as("another candidate of the same cohort never sees the story")
        .isZero();
    String candidate1Id = gateway.get("/api/me", candidate1).body().get("userId").asText();
    assertThat(search(candidate2, marker + "&candidateId=" + candidate1Id).get("total").asLong())
        .as("asking for someone else's candidate id widens nothing")
        .isZero();

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              JsonNode evaluated =
                  gateway
                      .get("/api/stories/" + storyId, candidate1)
                      .body()
                      .get("latestEvaluations");
              assertThat(evaluated.has("automatic")).as("automatic evaluation recorded").isTrue();
              assertThat(evaluated.get("automatic").get("revision").asInt()).isEqualTo(1);
              assertThat(evaluated.get("automatic").get("result").get("criteria")).isNotEmpty();
            });
    JsonNode history = gateway.get("/api/stories/" + storyId + "/history", candidate1).body();
    assertThat(history.get("evaluations").get(0).get("evaluator").get("kind").asText())
        .isEqualTo("AUTOMATIC");

    String coach1 = gateway.login("coach1@demo.storybank", PASSWORD);
    // other test classes give coach1 cohorts of their own too, whose stories may be close in
    // meaning: the author's coach must find this story, found by its word, first
    JsonNode byCoach1 = search(coach1, marker);
    assertThat(byCoach1.get("hits").findValuesAsText("storyId"))
        .as("the coach of the author's cohort")
        .startsWith(storyId);
    String coach2 = gateway.login("coach2@demo.storybank", PASSWORD);
    // other test classes give coach2 cohorts of their own, whose stories may be close in meaning
    assertThat(search(coach2, marker).get("hits").findValuesAsText("storyId"))
        .as("a coach of another cohort")
        .doesNotContain(storyId);
  }

  @Test
  @Order(2)
  void aRevisionNeedsTheVersionItWasWrittenAgainstAndReachesSearch() throws Exception {
    String candidate1 = gateway.login("candidate1@demo.storybank", PASSWORD);
    Map<String, Object> story =
        new java.util.HashMap<>(
            Map.of(
                "title", "The on-call rota nobody fixed",
                "principles", List.of("ownership"),
                "level", "senior",
                "situation", "Pages woke three people a night.",
                "task", "The rota belonged to no team.",
                "action", "I grouped alerts by cause.",
                "result", "Night pages fell from 21 a week to 4."));
    Api.Response created = gateway.post("/api/stories", candidate1, story);
    assertThat(created.status()).isEqualTo(201);
    String storyId = created.body().get("id").asText();

    story.put("action", "I grouped alerts by cause and retired a marmaladeflux dashboard.");
    Api.Response revised = gateway.put("/api/stories/" + storyId, candidate1, "0", story);
    assertThat(revised.status()).as("revision answered %s", revised.body()).isEqualTo(200);
    // the automatic evaluation of revision 1 may land before or after; it does not conflict
    long revisedVersion = revised.body().get("version").asLong();
    assertThat(revisedVersion).isBetween(1L, 2L);

    Api.Response stale = gateway.put("/api/stories/" + storyId, candidate1, "0", story);
    assertThat(stale.status()).isEqualTo(409);
    // the automatic evaluator may have recorded its judgement meanwhile: that is a newer version
    // too
    assertThat(stale.body().get("currentVersion").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(gateway.put("/api/stories/" + storyId, candidate1, null, story).status())
        .isEqualTo(428);

    JsonNode read = gateway.get("/api/stories/" + storyId, candidate1).body();
    assertThat(read.get("revision").asInt()).isEqualTo(2);
    assertThat(read.get("action").asText()).contains("marmaladeflux");
    assertThat(
            gateway
                .get("/api/stories/" + storyId + "?revision=1", candidate1)
                .body()
                .get("action")
                .asText())
        .isEqualTo("I grouped alerts by cause.");
    List<String> steps = new ArrayList<>();
    gateway
        .get("/api/stories/" + storyId + "/history", candidate1)
        .body()
        .get("entries")
        .forEach(entry -> steps.add(entry.get("type").asText()));
    assertThat(steps).startsWith("StoryDrafted").contains("StoryRevised");
    awaitSearch(candidate1, "marmaladeflux", 1);

    String candidate2 = gateway.login("candidate2@demo.storybank", PASSWORD);
    String coach2 = gateway.login("coach2@demo.storybank", PASSWORD);
    String coach1 = gateway.login("coach1@demo.storybank", PASSWORD);
    assertThat(gateway.get("/api/stories/" + storyId, candidate2).status()).isEqualTo(404);
    assertThat(gateway.get("/api/stories/" + storyId, coach2).status()).isEqualTo(404);
    assertThat(gateway.get("/api/stories/" + storyId + "/history", coach2).status()).isEqualTo(404);
    assertThat(gateway.put("/api/stories/" + storyId, candidate2, "1", story).status())
        .isEqualTo(404);
    assertThat(gateway.get("/api/stories/" + storyId, coach1).status()).isEqualTo(200);
    assertThat(gateway.put("/api/stories/" + storyId, coach1, "1", story).status()).isEqualTo(403);

    Map<String, Object> evaluation =
        Map.of(
            "score",
            64,
            "verdict",
            "mixed",
            "criteria",
            List.of(
                Map.of(
                    "id",
                    "owns-the-outcome",
                    "score",
                    3,
                    "evidence",
                    "The rota belonged to no team.")),
            "pitfalls",
            List.of(Map.of("id", "no-reflection", "evidence", "no lesson named")),
            "notes",
            "Say what it cost you.");
    Api.Response byCoach =
        gateway.post("/api/stories/" + storyId + "/evaluations", coach1, evaluation);
    assertThat(byCoach.status()).as("coach evaluation answered %s", byCoach.body()).isEqualTo(201);
    assertThat(byCoach.body().get("revision").asInt()).isEqualTo(2);
    assertThat(
            gateway.post("/api/stories/" + storyId + "/evaluations", coach2, evaluation).status())
        .isEqualTo(404);
    assertThat(
            gateway
                .post("/api/stories/" + storyId + "/evaluations", candidate1, evaluation)
                .status())
        .isEqualTo(403);
    JsonNode latest =
        gateway.get("/api/stories/" + storyId, candidate1).body().get("latestEvaluations");
    assertThat(latest.get("coach").get("result").get("score").asInt()).isEqualTo(64);
  }

  @Test
  @Order(3)
  void theDemoOrganisationHasItsStories() throws Exception {
    String candidate4 = gateway.login("candidate4@demo.storybank", PASSWORD);
    JsonNode me = gateway.get("/api/me", candidate4).body();
    assertThat(me.get("role").asText()).isEqualTo("candidate");
    assertThat(me.get("cohortIds").get(0).asText()).isEqualTo("cohort-2");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(search(candidate4, "").get("total").asLong()).isGreaterThan(0));
  }

  @Test
  @Order(3)
  void theDemoCohortsAreCohortsOnTheCommandSideSoTheirCoachesCanInvite() throws Exception {
    String coach1 = gateway.login("coach1@demo.storybank", PASSWORD);
    JsonNode cohort = gateway.get("/api/cohorts/cohort-1", coach1).body();
    // the demo's three candidates; other classes on the shared stack may have enrolled more
    List<String> enrolled = new java.util.ArrayList<>();
    cohort.get("candidateIds").forEach(id -> enrolled.add(id.asText()));
    for (String demo : List.of("candidate1", "candidate2", "candidate3")) {
      String token = gateway.login(demo + "@demo.storybank", PASSWORD);
      assertThat(enrolled).contains(gateway.get("/api/me", token).body().get("userId").asText());
    }
    assertThat(cohort.get("coachId").asText())
        .isEqualTo(gateway.get("/api/me", coach1).body().get("userId").asText());
    Api.Response invitation = gateway.post("/api/cohorts/cohort-1/invitations", coach1, Map.of());
    assertThat(invitation.status()).as("%s", invitation.body()).isEqualTo(201);
    assertThat(invitation.body().get("code").asText()).isNotBlank();
    assertThat(
            gateway
                .post(
                    "/api/cohorts/cohort-1/invitations",
                    gateway.login("coach2@demo.storybank", PASSWORD),
                    Map.of())
                .status())
        .isEqualTo(404);
  }

  @Test
  @Order(4)
  void everyServiceTurnsAwayCallsWithoutAValidToken() throws Exception {
    List<String> protectedUrls = new ArrayList<>();
    protectedUrls.add("http://127.0.0.1:" + ports.get("GATEWAY") + "/api/search/stories?q=x");
    protectedUrls.add("http://127.0.0.1:" + ports.get("GATEWAY") + "/api/me");
    protectedUrls.add("http://127.0.0.1:" + ports.get("QUERY") + "/api/search/stories?q=x");
    protectedUrls.add("http://127.0.0.1:" + ports.get("EVALUATION") + "/api/rubrics");
    String forged = ForgedTokens.signedByAnotherKey();
    for (String url : protectedUrls) {
      Api direct = new Api(url);
      assertThat(direct.get("", null).status()).as("no token at %s", url).isEqualTo(401);
      assertThat(direct.get("", "not-a-jwt").status())
          .as("garbage token at %s", url)
          .isEqualTo(401);
      assertThat(direct.get("", forged).status())
          .as("token signed by another key at %s", url)
          .isEqualTo(401);
    }
    Api command = new Api("http://127.0.0.1:" + ports.get("COMMAND"));
    assertThat(command.post("/api/stories", null, Map.of("title", "x")).status()).isEqualTo(401);
    assertThat(command.post("/api/stories", forged, Map.of("title", "x")).status()).isEqualTo(401);
    assertThat(gateway.post("/api/stories", null, Map.of("title", "x")).status()).isEqualTo(401);
    // the editor's live verdict reads and writes nothing, yet needs a signed-in caller too
    Map<String, Object> draft = previewDraft();
    for (Api edge : List.of(gateway, new Api("http://127.0.0.1:" + ports.get("EVALUATION")))) {
      assertThat(edge.post("/api/evaluations/preview", null, draft).status()).isEqualTo(401);
      assertThat(edge.post("/api/evaluations/preview", "not-a-jwt", draft).status()).isEqualTo(401);
      assertThat(edge.post("/api/evaluations/preview", forged, draft).status()).isEqualTo(401);
    }
  }

  private static Map<String, Object> previewDraft() {
    return Map.of(
        "principle", "ownership",
        "level", "senior",
        "situation", "I led a feature with a tight deadline.",
        "task", "I had to hit the date.",
        "action", "I worked extra hours over the weekend and made sure the team was unblocked.",
        "result", "We shipped on time.");
  }

  @Test
  @Order(5)
  void aValidTokenIsAcceptedByTheServicesDirectly() throws Exception {
    String candidate1 = gateway.login("candidate1@demo.storybank", PASSWORD);
    assertThat(
            new Api("http://127.0.0.1:" + ports.get("QUERY"))
                .get("/api/search/stories?q=x", candidate1)
                .status())
        .isEqualTo(200);
    assertThat(
            new Api("http://127.0.0.1:" + ports.get("EVALUATION"))
                .get("/api/rubrics", candidate1)
                .status())
        .isEqualTo(200);
    for (Api edge : List.of(gateway, new Api("http://127.0.0.1:" + ports.get("EVALUATION")))) {
      Api.Response preview = edge.post("/api/evaluations/preview", candidate1, previewDraft());
      assertThat(preview.status()).as("%s", preview.body()).isEqualTo(200);
      assertThat(preview.body().get("pitfalls").toString()).contains("martyrdom");
    }
  }

  @Test
  @Order(6)
  void badInputAtTheCommandEdgeNamesTheFieldAndTheRule() throws Exception {
    String candidate1 = gateway.login("candidate1@demo.storybank", PASSWORD);
    Api.Response unknownPrinciple =
        gateway.post(
            "/api/stories",
            candidate1,
            Map.of(
                "title",
                "t",
                "principles",
                List.of("synergy"),
                "level",
                "mid",
                "situation",
                "",
                "task",
                "",
                "action",
                "",
                "result",
                ""));
    assertThat(unknownPrinciple.status()).isEqualTo(400);
    assertThat(unknownPrinciple.body().get("field").asText()).isEqualTo("principles");
    assertThat(unknownPrinciple.body().get("rule").asText()).contains("synergy");

    Api.Response unknownLevel =
        gateway.post("/api/stories", candidate1, Map.of("title", "t", "level", "principal"));
    assertThat(unknownLevel.status()).isEqualTo(400);
    assertThat(unknownLevel.body().get("field").asText()).isEqualTo("level");
  }

  @Test
  @Order(7)
  void loginWithAWrongPasswordIsRefused() throws Exception {
    Api.Response response =
        gateway.post(
            "/api/auth/login",
            null,
            Map.of("email", "candidate1@demo.storybank", "password", "guess"));
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body().toString()).doesNotContain("accessToken");
  }

  /** Every endpoint that takes a story id, called by people who must not reach that story. */
  @Test
  @Order(8)
  void noStoryEndpointLetsAnotherTenantIn() throws Exception {
    String candidate1 = gateway.login("candidate1@demo.storybank", PASSWORD);
    String storyId =
        gateway
            .post(
                "/api/stories",
                candidate1,
                Map.of(
                    "title", "Walled garden",
                    "principles", List.of("ownership"),
                    "prompts", List.of("Tell me about a time"),
                    "level", "mid",
                    "situation", "s",
                    "task", "t",
                    "action", "a quiet action",
                    "result", "r"))
            .body()
            .get("id")
            .asText();
    String base = "/api/stories/" + storyId;
    Map<String, Object> story =
        Map.of(
            "title",
            "Taken",
            "level",
            "mid",
            "situation",
            "s",
            "task",
            "t",
            "action",
            "a",
            "result",
            "r");
    List<Object[]> endpoints =
        List.of(
            new Object[] {"GET", base, null},
            new Object[] {"GET", base + "?revision=1", null},
            new Object[] {"GET", base + "/history", null},
            new Object[] {"GET", base + "/diff?from=1&to=1", null},
            new Object[] {"PUT", base, story},
            new Object[] {"POST", base + "/ready", null},
            new Object[] {"POST", base + "/principles", Map.of("principle", "dive-deep")},
            new Object[] {"DELETE", base + "/principles/ownership", null},
            new Object[] {"POST", base + "/prompts", Map.of("prompt", "Mine now", "angle", "")},
            new Object[] {"POST", base + "/archive", null},
            new Object[] {"POST", base + "/restore", null},
            new Object[] {
              "POST",
              base + "/comments",
              Map.of("field", "action", "start", 0, "end", 3, "text", "x")
            },
            new Object[] {"PUT", base + "/rating", Map.of("rating", 1)},
            new Object[] {"POST", base + "/evaluations", Map.of("score", 1, "verdict", "weak")});
    Map<String, String> outsiders =
        Map.of(
            "another candidate of the cohort", gateway.login("candidate2@demo.storybank", PASSWORD),
            "a candidate of another cohort", gateway.login("candidate4@demo.storybank", PASSWORD),
            "the coach of another cohort", gateway.login("coach2@demo.storybank", PASSWORD),
            "the admin", gateway.login("admin@demo.storybank", PASSWORD));
    int calls = 0;
    for (Object[] endpoint : endpoints) {
      String method = (String) endpoint[0];
      String path = (String) endpoint[1];
      for (Map.Entry<String, String> outsider : outsiders.entrySet()) {
        Api.Response answer = gateway.call(method, path, outsider.getValue(), endpoint[2]);
        assertThat(answer.status())
            .as("%s %s by %s", method, path, outsider.getKey())
            .isEqualTo(404);
        calls++;
      }
      assertThat(gateway.call(method, path, null, endpoint[2]).status())
          .as("%s %s without a token", method, path)
          .isEqualTo(401);
      calls++;
    }
    JsonNode unchanged = gateway.get(base, candidate1).body();
    assertThat(unchanged.get("title").asText()).isEqualTo("Walled garden");
    assertThat(unchanged.get("status").asText()).isEqualTo("draft");
    assertThat(unchanged.get("principles")).hasSize(1);
    System.out.printf("tenant wall: %d story calls by outsiders, all refused%n", calls);
  }

  @Test
  @Order(9)
  void aCandidateJoinsWithTheirCoachsCodeAndLeavesWhenRemoved() throws Exception {
    String admin = gateway.login("admin@demo.storybank", PASSWORD);
    String coachId =
        gateway
            .get("/api/me", gateway.login("coach1@demo.storybank", PASSWORD))
            .body()
            .get("userId")
            .asText();
    String cohortId = "cohort-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            gateway
                .post(
                    "/api/cohorts",
                    admin,
                    Map.of("id", cohortId, "name", "Westfield", "coachId", coachId))
                .status())
        .isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(cohortsOf("coach1@demo.storybank", PASSWORD)).contains(cohortId));
    String coach = gateway.login("coach1@demo.storybank", PASSWORD);
    Api.Response invitation =
        gateway.post("/api/cohorts/" + cohortId + "/invitations", coach, Map.of());
    assertThat(invitation.status()).as("invitation answered %s", invitation.body()).isEqualTo(201);
    String code = invitation.body().get("code").asText();
    assertThat(
            gateway
                .post(
                    "/api/cohorts/" + cohortId + "/invitations",
                    gateway.login("coach2@demo.storybank", PASSWORD),
                    Map.of())
                .status())
        .isEqualTo(404);

    String email = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    Map<String, Object> registration =
        Map.of(
            "invitationCode",
            code,
            "email",
            email,
            "password",
            "a long enough secret",
            "name",
            "Newcomer");
    Api.Response registered = gateway.post("/api/auth/register", null, registration);
    assertThat(registered.status()).as("register answered %s", registered.body()).isEqualTo(201);
    Api.Response again = gateway.post("/api/auth/register", null, registration);
    assertThat(again.status()).as("same email again: told like any refused code").isEqualTo(400);
    assertThat(again.body().get("field").asText()).isEqualTo("invitationCode");
    String other = "second-" + email;
    Api.Response reused =
        gateway.post(
            "/api/auth/register",
            null,
            Map.of(
                "invitationCode",
                code,
                "email",
                other,
                "password",
                "a long enough secret",
                "name",
                "Second"));
    assertThat(reused.status()).as("a code works once").isEqualTo(400);
    assertThat(reused.body().get("field").asText()).isEqualTo("invitationCode");
    assertThat(
            gateway
                .post(
                    "/api/auth/login",
                    null,
                    Map.of("email", other, "password", "a long enough secret"))
                .status())
        .as("the refused registration left no account")
        .isEqualTo(401);
    assertThat(
            gateway
                .post(
                    "/api/auth/register",
                    null,
                    Map.of(
                        "invitationCode", code, "email", "x@y.z", "password", "short", "name", "S"))
                .status())
        .isEqualTo(400);

    String newcomer = gateway.login(email, "a long enough secret");
    JsonNode me = gateway.get("/api/me", newcomer).body();
    assertThat(me.get("role").asText()).isEqualTo("candidate");
    assertThat(me.get("cohortIds").get(0).asText()).isEqualTo(cohortId);
    String storyId =
        gateway
            .post(
                "/api/stories",
                newcomer,
                Map.of(
                    "title",
                    "First week",
                    "level",
                    "entry",
                    "situation",
                    "s",
                    "task",
                    "t",
                    "action",
                    "a",
                    "result",
                    "r"))
            .body()
            .get("id")
            .asText();
    assertThat(gateway.get("/api/stories/" + storyId, coach).status()).isEqualTo(200);

    String newcomerId = me.get("userId").asText();
    assertThat(
            gateway
                .call(
                    "DELETE", "/api/cohorts/" + cohortId + "/candidates/" + newcomerId, coach, null)
                .status())
        .isEqualTo(204);
    assertThat(gateway.get("/api/stories/" + storyId, coach).status()).isEqualTo(404);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(cohortsOf(email, "a long enough secret")).doesNotContain(cohortId));
    // their token from before names the cohort and is revoked; a new one does not
    assertThat(
            gateway
                .get("/api/stories/" + storyId, gateway.login(email, "a long enough secret"))
                .status())
        .as("they keep their story")
        .isEqualTo(200);
  }

  private List<String> cohortsOf(String email, String password) throws Exception {
    List<String> cohorts = new ArrayList<>();
    gateway
        .get("/api/me", gateway.login(email, password))
        .body()
        .get("cohortIds")
        .forEach(id -> cohorts.add(id.asText()));
    return cohorts;
  }

  @Test
  @Order(85)
  void aReindexRebuildsTheSameDocumentsFromTheEventStoreWhileSearchKeepsWorking() throws Exception {
    String candidate1 = gateway.login("candidate1@demo.storybank", PASSWORD);
    Api elasticsearch = new Api("http://127.0.0.1:" + ports.get("ELASTICSEARCH"));
    Map<String, JsonNode> before = quietDocuments(elasticsearch, "stories");
    Map<String, JsonNode> evaluationsBefore = documents(elasticsearch, "evaluations");
    String liveIndex = aliasTarget(elasticsearch, "stories");

    StorybankProcess.Outcome outcome = storybank.run(Duration.ofMinutes(5), "reindex");

    assertThat(outcome.exitCode()).as(outcome.output()).isZero();
    assertThat(outcome.output()).contains("replayed").contains("events/s").contains("swapped");
    assertThat(aliasTarget(elasticsearch, "stories")).isNotEqualTo(liveIndex);
    Map<String, JsonNode> after = documents(elasticsearch, "stories");
    assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(before.keySet());
    List<String> differences = new ArrayList<>();
    before.forEach(
        (id, live) ->
            live.fieldNames()
                .forEachRemaining(
                    field -> {
                      if (!live.get(field).equals(after.get(id).get(field))) {
                        differences.add(
                            id
                                + " "
                                + field
                                + ": live "
                                + brief(live.get(field))
                                + ", rebuilt "
                                + brief(after.get(id).get(field)));
                      }
                    }));
    assertThat(differences)
        .as("the rebuilt stories equal the live ones, field for field")
        .isEmpty();
    assertThat(documents(elasticsearch, "evaluations").keySet())
        .containsExactlyInAnyOrderElementsOf(evaluationsBefore.keySet());
    assertThat(search(candidate1, "").get("total").asLong()).isGreaterThan(0);
  }

  private static String brief(JsonNode value) {
    String text = String.valueOf(value);
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  /** The documents once no event has changed them for three seconds. */
  private Map<String, JsonNode> quietDocuments(Api elasticsearch, String alias) throws Exception {
    Map<String, JsonNode> previous = documents(elasticsearch, alias);
    for (int attempt = 0; attempt < 40; attempt++) {
      Thread.sleep(3_000);
      Map<String, JsonNode> now = documents(elasticsearch, alias);
      if (now.equals(previous)) {
        return now;
      }
      previous = now;
    }
    throw new AssertionError("the " + alias + " index never stopped changing");
  }

  private static Map<String, JsonNode> documents(Api elasticsearch, String alias) throws Exception {
    Api.Response response = elasticsearch.get("/" + alias + "/_search?size=10000", null);
    assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
    Map<String, JsonNode> documents = new java.util.HashMap<>();
    response
        .body()
        .get("hits")
        .get("hits")
        .forEach(hit -> documents.put(hit.get("_id").asText(), hit.get("_source")));
    return documents;
  }

  private static String aliasTarget(Api elasticsearch, String alias) throws Exception {
    Api.Response response = elasticsearch.get("/_alias/" + alias, null);
    assertThat(response.status()).isEqualTo(200);
    return response.body().fieldNames().next();
  }

  @Test
  @Order(10)
  void theBolaMatrixHoldsOnEveryEndpointThatTakesAnId() throws Exception {
    Map<String, Api> direct = new java.util.LinkedHashMap<>();
    direct.put("story-command", new Api("http://127.0.0.1:" + ports.get("COMMAND")));
    direct.put("story-query", new Api("http://127.0.0.1:" + ports.get("QUERY")));
    direct.put("evaluation", new Api("http://127.0.0.1:" + ports.get("EVALUATION")));
    List<RouteList.Endpoint> routes = new ArrayList<>(RouteList.of("web-gateway", gateway));
    for (Map.Entry<String, Api> service : direct.entrySet()) {
      routes.addAll(RouteList.of(service.getKey(), service.getValue()));
    }
    assertThat(routes)
        .extracting(RouteList.Endpoint::key)
        .contains(
            "GET /api/stories/{storyId}",
            "GET /api/search/stories",
            "GET /api/evaluations/calibration",
            "POST /api/admin/accounts/{userId}/lock");

    BolaMatrix matrix =
        new BolaMatrix(
            new MatrixFixtures(
                gateway, stateDir.resolve("keys"), "127.0.0.1:" + ports.get("KAFKA")));
    BolaMatrix.Outcome outcome = matrix.run(routes, direct, gateway);

    outcome.lines().forEach(System.out::println);
    System.out.printf(
        "BOLA matrix: %d endpoints with ids (of %d routes) x %d callers x %d paths: %d calls, all as"
            + " expected%n",
        outcome.endpoints(), routes.size(), outcome.callers(), outcome.paths(), outcome.calls());
    assertThat(outcome.endpoints()).isGreaterThanOrEqualTo(20);
  }

  @Test
  @Order(11)
  void oneApiDocumentListsTheDesignEndpoints() throws Exception {
    JsonNode document = gateway.get("/api/openapi.json", null).body();
    assertThat(document.has("x-unavailable-services")).as(document.toString()).isFalse();
    JsonNode paths = document.get("paths");
    Map<String, List<String>> design =
        Map.ofEntries(
            Map.entry("/api/auth/login", List.of("post")),
            Map.entry("/api/auth/register", List.of("post")),
            Map.entry("/api/auth/refresh", List.of("post")),
            Map.entry("/api/auth/logout", List.of("post")),
            Map.entry("/api/me", List.of("get")),
            Map.entry("/api/stories", List.of("post")),
            Map.entry("/api/stories/{storyId}", List.of("get", "put")),
            Map.entry("/api/stories/{storyId}/history", List.of("get")),
            Map.entry("/api/stories/{storyId}/evaluations", List.of("post")),
            Map.entry("/api/cohorts/{cohortId}/invitations", List.of("post")),
            Map.entry("/api/search/stories", List.of("get")),
            Map.entry("/api/candidates/{candidateId}/coverage", List.of("get")),
            Map.entry("/api/analytics/cohorts/{cohortId}/pitfalls", List.of("get")),
            Map.entry("/api/evaluations/calibration", List.of("get")),
            Map.entry("/api/evaluations/preview", List.of("post")));
    design.forEach(
        (path, methods) -> {
          assertThat(paths.has(path)).as("%s in the API document", path).isTrue();
          methods.forEach(
              method -> assertThat(paths.get(path).has(method)).as("%s %s", method, path).isTrue());
        });
    assertThat(paths.get("/api/search/stories").get("get").get("x-service").asText())
        .isEqualTo("story-query");
  }

  @Test
  @Order(12)
  void aRequestIdFollowsACallThroughTheGatewayIntoTheServiceLog() throws Exception {
    String candidate1 = gateway.login("candidate1@demo.storybank", PASSWORD);
    String id = "system-test-" + UUID.randomUUID();
    var answer =
        gateway.raw(
            "GET", "/api/search/stories?q=anything", candidate1, Map.of("X-Request-Id", id), null);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().allValues("X-Request-Id")).containsExactly(id);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(Files.readString(stateDir.resolve("logs/story-query.log"))).contains(id);
              assertThat(Files.readString(stateDir.resolve("logs/web-gateway.log"))).contains(id);
            });

    var created =
        new Api("http://127.0.0.1:" + ports.get("COMMAND"))
            .raw("POST", "/api/stories", null, Map.of("X-Request-Id", "bad id <>"), "{}");
    assertThat(created.statusCode()).isEqualTo(401);
    assertThat(created.headers().firstValue("X-Request-Id").orElseThrow())
        .as("a malformed id is replaced, even on a refusal")
        .isNotEqualTo("bad id <>")
        .isNotBlank();
  }

  @Test
  @Order(13)
  void aRefreshTokenGivesANewPairOnceAndLogoutEndsIt() throws Exception {
    JsonNode login =
        gateway
            .post(
                "/api/auth/login",
                null,
                Map.of("email", "candidate3@demo.storybank", "password", PASSWORD))
            .body();
    assertThat(login.get("expiresIn").asLong()).isEqualTo(900);
    String refresh = login.get("refreshToken").asText();
    Api.Response renewed = gateway.post("/api/auth/refresh", null, Map.of("refreshToken", refresh));
    assertThat(renewed.status()).isEqualTo(200);
    String newAccess = renewed.body().get("accessToken").asText();
    assertThat(
            new Api("http://127.0.0.1:" + ports.get("COMMAND"))
                .get("/api/stories/" + UUID.randomUUID(), newAccess)
                .status())
        .as("the refreshed access token is valid at a service")
        .isEqualTo(404);
    assertThat(gateway.post("/api/auth/refresh", null, Map.of("refreshToken", refresh)).status())
        .isEqualTo(401);
    String second = renewed.body().get("refreshToken").asText();
    assertThat(gateway.post("/api/auth/refresh", null, Map.of("refreshToken", second)).status())
        .as("reusing the first revoked the family")
        .isEqualTo(401);

    String third =
        gateway
            .post(
                "/api/auth/login",
                null,
                Map.of("email", "candidate3@demo.storybank", "password", PASSWORD))
            .body()
            .get("refreshToken")
            .asText();
    assertThat(gateway.post("/api/auth/logout", null, Map.of("refreshToken", third)).status())
        .isEqualTo(204);
    assertThat(gateway.post("/api/auth/refresh", null, Map.of("refreshToken", third)).status())
        .isEqualTo(401);
  }

  @Test
  @Order(14)
  void everyEdgeSendsSecurityHeadersAndLimitsBodies() throws Exception {
    String candidate1 = gateway.login("candidate1@demo.storybank", PASSWORD);
    Map<String, String> edges = new java.util.LinkedHashMap<>();
    edges.put("web-gateway", "http://127.0.0.1:" + ports.get("GATEWAY"));
    edges.put("story-command", "http://127.0.0.1:" + ports.get("COMMAND"));
    edges.put("story-query", "http://127.0.0.1:" + ports.get("QUERY"));
    edges.put("evaluation", "http://127.0.0.1:" + ports.get("EVALUATION"));
    String oversized =
        "{\"title\":\"t\",\"level\":\"mid\",\"situation\":\"" + "x".repeat(300 * 1024) + "\"}";
    for (Map.Entry<String, String> edge : edges.entrySet()) {
      Api api = new Api(edge.getValue());
      var answer = api.raw("GET", "/api/search/stories?q=x", candidate1, Map.of(), null);
      var headers = answer.headers();
      assertThat(headers.firstValue("Content-Security-Policy"))
          .as("CSP at %s", edge.getKey())
          .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
      assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
      assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
      var preflight =
          api.raw(
              "OPTIONS",
              "/api/stories",
              null,
              Map.of("Origin", "https://evil.example.com", "Access-Control-Request-Method", "POST"),
              null);
      assertThat(preflight.statusCode()).as("no origin is allowed by default").isEqualTo(403);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      var tooLarge = api.raw("POST", "/api/stories", candidate1, BadInput.JSON, oversized);
      assertThat(tooLarge.statusCode()).as("300 KB at %s", edge.getKey()).isEqualTo(413);
    }

    List<String> longPrompts = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      longPrompts.add(("Prompt " + i + " — ").concat("ü€".repeat(250)).substring(0, 500));
    }
    Map<String, Object> largest = new java.util.HashMap<>();
    largest.put("title", "Ж".repeat(200));
    largest.put("level", "staff");
    largest.put("principles", List.of("ownership"));
    largest.put("prompts", longPrompts);
    for (String part : List.of("situation", "task", "action", "result")) {
      largest.put(part, "€".repeat(8000));
    }
    Api.Response created = gateway.post("/api/stories", candidate1, largest);
    assertThat(created.status())
        .as("the largest valid story (3-byte characters) fits under the limit: %s", created.body())
        .isEqualTo(201);
    assertThat(
            gateway
                .get("/api/stories/" + created.body().get("id").asText(), candidate1)
                .body()
                .get("action")
                .asText())
        .isEqualTo("€".repeat(8000));
  }

  @Test
  @Order(15)
  void badInputAtEveryEdgeAnswers4xxAndWritesNothing() throws Exception {
    String candidate1 = gateway.login("candidate1@demo.storybank", PASSWORD);
    String coach1 = gateway.login("coach1@demo.storybank", PASSWORD);
    String storyId =
        gateway
            .post("/api/stories", candidate1, Map.of("title", "Probe target", "level", "mid"))
            .body()
            .get("id")
            .asText();
    JsonNode before = gateway.get("/api/stories/" + storyId + "/history", candidate1).body();
    Api command = new Api("http://127.0.0.1:" + ports.get("COMMAND"));
    Api query = new Api("http://127.0.0.1:" + ports.get("QUERY"));
    Api evaluation = new Api("http://127.0.0.1:" + ports.get("EVALUATION"));
    String story = "/api/stories/" + storyId;

    // the gateway's own endpoints
    BadInput.refusedJson(gateway, "POST", "/api/auth/login", null, "{\"email\": ");
    BadInput.refusedJson(
        gateway, "POST", "/api/auth/login", null, "{\"email\":\"a@b.c\",\"password\":[1]}");
    BadInput.refusedJson(
        gateway, "POST", "/api/auth/register", null, "{\"invitationCode\":{\"x\":1}}");
    BadInput.refusedJson(gateway, "POST", "/api/auth/refresh", null, "[");
    BadInput.refusedJson(
        gateway, "POST", "/api/auth/password-reset", null, "{\"code\":\"x\",\"newPassword\":7}");
    BadInput.refused(
        gateway, "POST", "/api/auth/login", null, Map.of("Content-Type", "text/plain"), "hi");

    // story-command, through the gateway and directly
    for (Api api : List.of(gateway, command)) {
      BadInput.refusedJson(api, "POST", "/api/stories", candidate1, "{\"title\": \"unterminated");
      BadInput.refusedJson(
          api, "POST", "/api/stories", candidate1, "{\"title\":[\"x\"],\"level\":\"mid\"}");
      BadInput.refusedJson(
          api, "POST", "/api/stories", candidate1, "{\"title\":\"t\",\"level\":\"principal\"}");
      BadInput.refusedJson(
          api,
          "POST",
          "/api/stories",
          candidate1,
          "{\"title\":\"t\",\"level\":\"mid\",\"principles\":\"ownership\"}");
      BadInput.refused(
          api,
          "PUT",
          story,
          candidate1,
          Map.of("Content-Type", "application/json", "If-Match", "not-a-version"),
          "{\"title\":\"t\",\"level\":\"mid\"}");
      BadInput.refused(
          api,
          "PUT",
          story,
          candidate1,
          Map.of("Content-Type", "application/json", "If-Match", "0"),
          "{\"title\":\"t\",\"level\":7,\"situation\":{}}");
      BadInput.refusedJson(api, "PUT", story + "/rating", candidate1, "{\"rating\":\"five\"}");
      BadInput.refusedJson(api, "PUT", story + "/rating", candidate1, "{\"rating\":99}");
      BadInput.refusedJson(
          api, "POST", story + "/principles", candidate1, "{\"principle\":\"synergy\"}");
      BadInput.refusedJson(
          api,
          "POST",
          story + "/comments",
          coach1,
          "{\"field\":\"action\",\"start\":-5,\"end\":2,\"text\":\"x\"}");
      BadInput.refusedJson(
          api,
          "POST",
          story + "/comments",
          coach1,
          "{\"field\":\"moral\",\"start\":0,\"end\":1,\"text\":\"x\"}");
      BadInput.refusedJson(
          api,
          "POST",
          story + "/evaluations",
          coach1,
          "{\"score\":\"high\",\"verdict\":\"mixed\"}");
      BadInput.refusedJson(
          api, "POST", story + "/evaluations", coach1, "{\"score\":50,\"verdict\":\"superb\"}");
      BadInput.refusedJson(
          api,
          "POST",
          "/api/cohorts/" + "cohort-1" + "/invitations",
          coach1,
          "{\"validForDays\":\"soon\"}");
      BadInput.refused(
          api,
          "POST",
          "/api/stories",
          candidate1,
          Map.of("Content-Type", "application/xml"),
          "<story/>");
    }
    JsonNode after = gateway.get("/api/stories/" + storyId + "/history", candidate1).body();
    assertThat(after.get("entries")).as("no partial write").isEqualTo(before.get("entries"));

    // story-query and evaluation, through the gateway and directly
    for (Api api : List.of(gateway, query)) {
      for (String filter : List.of("level=principal", "principle=synergy", "pitfall=nonsense")) {
        var unknown =
            api.raw("GET", "/api/search/stories?q=x&" + filter, candidate1, Map.of(), null);
        assertThat(unknown.statusCode()).as("%s: %s", filter, unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"parameter\":\"" + filter.split("=")[0] + "\"");
      }
      BadInput.notServerError(api, "GET", "/api/search/stories?q=x&size=lots", candidate1);
      BadInput.notServerError(
          api, "GET", "/api/search/stories?q=" + "x".repeat(20_000), candidate1);
    }
    for (Api api : List.of(gateway, evaluation)) {
      var calibration =
          api.raw(
              "GET", "/api/evaluations/calibration?cohortId=%3Cscript%3E", coach1, Map.of(), null);
      assertThat(calibration.statusCode()).as(calibration.body()).isBetween(200, 499);
      BadInput.notServerError(api, "GET", "/api/rubrics?x=" + "y".repeat(20_000), candidate1);
      BadInput.refusedJson(api, "POST", "/api/evaluations/preview", candidate1, "{\"level\": ");
      var unknownLevel =
          BadInput.refusedJson(
              api,
              "POST",
              "/api/evaluations/preview",
              candidate1,
              "{\"principle\":\"ownership\",\"level\":\"principal\",\"situation\":\"\","
                  + "\"task\":\"\",\"action\":\"\",\"result\":\"\"}");
      assertThat(unknownLevel.body()).contains("\"field\":\"level\"");
    }
  }

  @Test
  @Order(16)
  void markupAndControlCharactersAreKeptAsTextAndNeverRunAsMarkup() throws Exception {
    String candidate1 = gateway.login("candidate1@demo.storybank", PASSWORD);
    String word = "zanzibarquux" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
    String title = "<script>alert('t')</script> & \"quotes\" \u0007bell";
    String action =
        "I <img src=x onerror=alert(1)> fixed the " + word + " job\u0000 with tabs\tand\u001b[31m";
    Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title, "level", "mid"));
    body.put("situation", "line one\r\nline two");
    body.put("task", "</div><b>bold</b>");
    body.put("action", action);
    body.put("result", "{{7*7}} ${7*7}");
    Api.Response created = gateway.post("/api/stories", candidate1, body);
    assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
    String storyId = created.body().get("id").asText();

    var read = gateway.raw("GET", "/api/stories/" + storyId, candidate1, Map.of(), null);
    assertThat(read.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(read.body())
        .as("control characters are JSON-escaped")
        .contains("\\u0007")
        .contains("\\u0000");
    JsonNode story = Api.json(read.body());
    assertThat(story.get("title").asText()).isEqualTo(title);
    assertThat(story.get("action").asText()).isEqualTo(action);
    assertThat(story.get("task").asText()).isEqualTo("</div><b>bold</b>");
    assertThat(story.get("result").asText()).isEqualTo("{{7*7}} ${7*7}");
    assertThat(story.get("situation").asText()).isEqualTo("line one\r\nline two");

    // other stories of this candidate may be close in meaning to a made-up word (the browser tests
    // write one with a word much like it): wait for this story, which holds the word, to come first
    JsonNode found = awaitFirstHit(candidate1, word, storyId);
    String highlights = found.get("hits").get(0).get("highlights").toString();
    assertThat(highlights).contains("<em>" + word + "</em>");
    assertThat(highlights)
        .as("highlights are HTML: the story's own markup in them must be escaped")
        .doesNotContain("<img")
        .contains("&lt;img");
  }

  @Test
  @Order(96)
  void tokensSignedBeforeAKeyRotationStayValidAtEveryService() throws Exception {
    String admin = gateway.login("admin@demo.storybank", PASSWORD);
    String before = gateway.login("candidate2@demo.storybank", PASSWORD);
    JsonNode keysBefore = gateway.get("/oauth2/jwks", null).body().get("keys");

    Api.Response rotated = gateway.post("/api/admin/signing-keys", admin, Map.of());
    assertThat(rotated.status()).as("%s", rotated.body()).isEqualTo(201);
    String newKey = rotated.body().get("keyId").asText();
    JsonNode keysAfter = gateway.get("/oauth2/jwks", null).body().get("keys");
    assertThat(keysAfter).hasSize(2);
    assertThat(keysAfter.toString())
        .contains(newKey)
        .contains(keysBefore.get(0).get("kid").asText());
    assertThat(keysAfter.toString()).doesNotContain("\"d\"").as("public halves only");

    String after = gateway.login("candidate2@demo.storybank", PASSWORD);
    assertThat(after).isNotEqualTo(before);
    List<Api> edges =
        List.of(
            gateway,
            new Api("http://127.0.0.1:" + ports.get("QUERY")),
            new Api("http://127.0.0.1:" + ports.get("EVALUATION")));
    for (Api api : edges) {
      String path = api == edges.get(2) ? "/api/rubrics" : "/api/search/stories?q=x";
      assertThat(api.get(path, before).status()).as("token of the previous key").isEqualTo(200);
      assertThat(api.get(path, after).status()).as("token of the new key").isEqualTo(200);
      assertThat(api.get(path, ForgedTokens.signedByAnotherKey()).status())
          .as("token of a key never published")
          .isEqualTo(401);
    }
    Api command = new Api("http://127.0.0.1:" + ports.get("COMMAND"));
    assertThat(command.get("/api/stories/" + UUID.randomUUID(), before).status()).isEqualTo(404);
    assertThat(command.get("/api/stories/" + UUID.randomUUID(), after).status()).isEqualTo(404);
    assertThat(
            command
                .get(
                    "/api/stories/" + UUID.randomUUID(),
                    ForgedTokens.expired(
                        ForgedTokens.GatewayKey.newestIn(stateDir.resolve("keys")),
                        "someone",
                        "admin",
                        List.of()))
                .status())
        .as("expired, though signed by the new key")
        .isEqualTo(401);
  }

  @Test
  @Order(90)
  void upAgainReusesWhatIsRunning() throws Exception {
    List<Long> before = recordedPids();
    StorybankProcess.Outcome again = storybank.run(Duration.ofMinutes(3), "up");
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(again.output()).contains("already running");
    assertThat(recordedPids()).containsExactlyInAnyOrderElementsOf(before);
    assertThat(again.output()).contains("demo stories loaded: 0 new");
  }

  @Test
  @Order(94)
  void theFirstAdminComesFromConfiguration() throws Exception {
    String owner = gateway.login("owner@example.org", "owner-password-from-config");
    assertThat(gateway.get("/api/me", owner).body().get("role").asText()).isEqualTo("admin");
  }

  @Test
  @Order(95)
  void repeatedWrongPasswordsLockTheAccountForAWhile() throws Exception {
    Map<String, Object> wrong =
        Map.of("email", "candidate5@demo.storybank", "password", "not-the-password");
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(gateway.post("/api/auth/login", null, wrong).status())
          .as("attempt %d", attempt)
          .isEqualTo(401);
    }
    Api.Response locked =
        gateway.post(
            "/api/auth/login",
            null,
            Map.of("email", "candidate5@demo.storybank", "password", PASSWORD));
    assertThat(locked.status()).as("even the right password waits").isEqualTo(429);
    assertThat(locked.body().toString()).doesNotContain("accessToken");
    assertThat(gateway.login("candidate6@demo.storybank", PASSWORD))
        .as("other accounts go on")
        .isNotBlank();
  }

  @Test
  @Order(100)
  void downStopsEveryProcessThatUpStarted() throws Exception {
    List<Long> pids = recordedPids();
    assertThat(pids)
        .as("pid files of the four services, Elasticsearch and Kafka")
        .hasSizeGreaterThanOrEqualTo(6);
    assertThat(pids)
        .allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

    StorybankProcess.Outcome outcome = storybank.run(Duration.ofMinutes(2), "down");
    assertThat(outcome.exitCode()).as(outcome.output()).isZero();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(pids)
                    .noneMatch(
                        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
  }

  private List<Long> recordedPids() throws IOException {
    try (Stream<Path> files = Files.walk(stateDir)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".pid"))
          .map(StorySliceSystemTest::readPid)
          .flatMap(Optional::stream)
          .toList();
    }
  }

  private static Optional<Long> readPid(Path file) {
    try {
      return Optional.of(Long.parseLong(Files.readString(file).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private JsonNode awaitFirstHit(String token, String text, String storyId) {
    return awaitSearch(
        token,
        text,
        found -> {
          assertThat(found.get("hits")).isNotEmpty();
          assertThat(found.get("hits").get(0).get("storyId").asText()).isEqualTo(storyId);
        });
  }

  private JsonNode awaitSearch(String token, String text, int expected) {
    return awaitSearch(
        token, text, found -> assertThat(found.get("total").asLong()).isEqualTo(expected));
  }

  /** Searches until the answer passes the check (the projection is eventually consistent). */
  private JsonNode awaitSearch(
      String token, String text, java.util.function.Consumer<JsonNode> check) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              last[0] = search(token, text);
              check.accept(last[0]);
            });
    return last[0];
  }

  private JsonNode search(String token, String text) throws IOException, InterruptedException {
    Api.Response response = gateway.get("/api/search/stories?q=" + text, token);
    assertThat(response.status()).as("search answered %s", response.body()).isEqualTo(200);
    return response.body();
  }
}
