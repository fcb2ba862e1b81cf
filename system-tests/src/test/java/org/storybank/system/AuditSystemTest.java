package org.storybank.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16 item 8 end to end: a coach's reads of a candidate's story (the story, a search hit, the
 * review queue) and everyone's changes (a story written, a comment, a cohort change) are on the
 * trail with who, role, what, which story, whose and the request id; the candidate reads them at
 * {@code /api/me/audit} and never another candidate's; an admin filters the whole trail; nobody
 * else reads it.
 */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Order(1)
class AuditSystemTest {

  private static final String DEMO_PASSWORD = "demo-password";
  private static final String PASSWORD = "audit-passphrase-" + UUID.randomUUID();

  private Api gateway;
  private String admin;
  private String coach;
  private String coachId;
  private final String cohort = "audit-" + UUID.randomUUID().toString().substring(0, 8);
  private final String marker = "audittrail" + cohort.substring(6);
  private final Map<String, String> tokens = new LinkedHashMap<>();
  private final Map<String, String> userIds = new LinkedHashMap<>();
  private String storyId;

  @BeforeAll
  void aCohortWithTwoCandidatesOneStory(RunningStack stack) throws Exception {
    gateway = new Api(stack.gatewayUrl());
    admin = gateway.login("admin@demo.storybank", DEMO_PASSWORD);
    coachId =
        gateway
            .get("/api/me", gateway.login("coach1@demo.storybank", DEMO_PASSWORD))
            .body()
            .get("userId")
            .asText();
    assertThat(
            gateway
                .post(
                    "/api/cohorts",
                    admin,
                    Map.of("id", cohort, "name", "Audited", "coachId", coachId))
                .status())
        .isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              coach = gateway.login("coach1@demo.storybank", DEMO_PASSWORD);
              assertThat(gateway.get("/api/me", coach).body().get("cohortIds").toString())
                  .contains(cohort);
            });
    for (String person : List.of("author", "neighbour", "leaver")) {
      String code =
          gateway
              .post("/api/cohorts/" + cohort + "/invitations", coach, Map.of())
              .body()
              .get("code")
              .asText();
      String email =
          "audit-" + person + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
      Api.Response registered =
          gateway.post(
              "/api/auth/register",
              null,
              Map.of("invitationCode", code, "email", email, "password", PASSWORD, "name", person));
      assertThat(registered.status()).isEqualTo(201);
      userIds.put(person, registered.body().get("userId").asText());
      tokens.put(person, gateway.login(email, PASSWORD));
    }
    Map<String, Object> story = new LinkedHashMap<>(MatrixFixtures.storyBody("Audited " + marker));
    story.put("situation", "The " + marker + " report was wrong every Monday.");
    Api.Response drafted = gateway.post("/api/stories", tokens.get("author"), story);
    assertThat(drafted.status()).isEqualTo(201);
    storyId = drafted.body().get("id").asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () ->
                assertThat(
                        gateway
                            .get("/api/search/stories?q=" + Api.query(marker), coach)
                            .body()
                            .path("total")
                            .asLong())
                    .isPositive());
  }

  @Test
  void theCandidateSeesEveryCoachReadAndChangeOfTheirStoryAndNoOneElsesEntries() throws Exception {
    String requestId = "audit-read-" + UUID.randomUUID();
    assertThat(
            gateway
                .raw(
                    "GET",
                    "/api/stories/" + storyId,
                    coach,
                    Map.of("X-Request-Id", requestId),
                    null)
                .statusCode())
        .isEqualTo(200);
    assertThat(gateway.get("/api/search/stories?q=" + Api.query(marker), coach).status())
        .isEqualTo(200);
    assertThat(gateway.get("/api/analytics/cohorts/" + cohort + "/review-queue", coach).status())
        .isEqualTo(200);
    assertThat(
            gateway
                .post(
                    "/api/stories/" + storyId + "/comments",
                    coach,
                    Map.of("field", "situation", "start", 0, "end", 3, "text", "which report?"))
                .status())
        .isEqualTo(201);

    List<JsonNode> mine =
        entries(gateway.get("/api/me/audit?size=200", tokens.get("author")).body());
    assertThat(mine)
        .allSatisfy(
            entry -> assertThat(entry.get("ownerId").asText()).isEqualTo(userIds.get("author")));
    JsonNode read = byAction(mine, "read story");
    assertThat(read.get("actorId").asText()).isEqualTo(coachId);
    assertThat(read.get("actorRole").asText()).isEqualTo("coach");
    assertThat(read.get("storyId").asText()).isEqualTo(storyId);
    assertThat(read.get("requestId").asText()).isEqualTo(requestId);
    assertThat(read.get("service").asText()).isEqualTo("story-command");
    assertThat(byAction(mine, "search hit").get("service").asText()).isEqualTo("story-query");
    assertThat(byAction(mine, "review queue entry").get("targetId").asText()).isEqualTo(cohort);
    assertThat(byAction(mine, "POST /api/stories/{storyId}/comments").get("actorId").asText())
        .isEqualTo(coachId);
    assertThat(byAction(mine, "POST /api/stories").get("storyId").asText())
        .as("their own write")
        .isEqualTo(storyId);
    assertThat(mine.get(0).get("id").asLong())
        .as("newest first")
        .isGreaterThan(mine.get(mine.size() - 1).get("id").asLong());

    List<JsonNode> neighbours =
        entries(gateway.get("/api/me/audit?size=200", tokens.get("neighbour")).body());
    assertThat(neighbours)
        .noneSatisfy(entry -> assertThat(entry.path("storyId").asText()).isEqualTo(storyId));
    assertThat(entries(gateway.get("/api/me/audit?size=200", coach).body()))
        .as("a coach's own trail holds what was done to them, not their candidates'")
        .noneSatisfy(entry -> assertThat(entry.path("storyId").asText()).isEqualTo(storyId));
  }

  @Test
  void anAdminFiltersTheWholeTrailAndNobodyElseReadsIt() throws Exception {
    assertThat(
            gateway
                .call(
                    "DELETE",
                    "/api/cohorts/" + cohort + "/candidates/" + userIds.get("leaver"),
                    admin,
                    null)
                .status())
        .isEqualTo(204);
    List<JsonNode> removals =
        entries(
            gateway
                .get(
                    "/api/admin/audit?accountId="
                        + userIds.get("leaver")
                        + "&action="
                        + Api.query("DELETE /api/cohorts/{cohortId}/candidates/{candidateId}"),
                    admin)
                .body());
    assertThat(removals).hasSize(1);
    assertThat(removals.get(0).get("targetId").asText()).isEqualTo(cohort);
    assertThat(removals.get(0).get("actorRole").asText()).isEqualTo("admin");
    assertThat(
            entries(gateway.get("/api/admin/audit?storyId=" + storyId, admin).body()).stream()
                .map(entry -> entry.get("action").asText())
                .toList())
        .as("the author's draft, the coach's search before this class's tests")
        .contains("POST /api/stories", "search hit");

    for (String token : List.of(coach, tokens.get("author"))) {
      assertThat(gateway.get("/api/admin/audit?storyId=" + storyId, token).status()).isEqualTo(403);
    }
    assertThat(gateway.get("/api/admin/audit", null).status()).isEqualTo(401);
  }

  private static List<JsonNode> entries(JsonNode page) {
    List<JsonNode> entries = new ArrayList<>();
    page.get("entries").forEach(entries::add);
    return entries;
  }

  private static JsonNode byAction(List<JsonNode> entries, String action) {
    return entries.stream()
        .filter(entry -> entry.get("action").asText().equals(action))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no '" + action + "' entry in " + entries));
  }
}
