package org.storybank.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.storybank.system.BolaMatrix.Target;

/**
 * The people and objects of the BOLA matrix, all made through the API: a cohort of its own coached
 * by coach1; the owner, another candidate and a leaver who join it with coach1's codes; the leaver
 * is removed again: the token from before (cohort claim and all) is revoked and must get 401
 * everywhere, the one signed in afterwards 403/404; coach2 coaches another cohort.
 */
final class MatrixFixtures {

  static final String OWNER = "owner";
  static final String COACH = "coach1";
  static final String ADMIN = "admin";
  static final String OTHER_CANDIDATE = "another candidate";
  static final String OTHER_COACH = "coach2";
  static final String REMOVED = "removed candidate";
  private static final String DEMO_PASSWORD = "demo-password";
  private static final String PASSWORD = "matrix-password-" + UUID.randomUUID();

  private final Api gateway;
  private final Path keyDirectory;
  private final String marker =
      "bolamatrix" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String cohort = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
  private final Map<String, String> tokens = new HashMap<>();
  private final Map<String, String> userIds = new HashMap<>();
  private final Map<String, List<String>> cohorts = new HashMap<>();
  private final Map<String, Map<String, String>> unauthenticated = new HashMap<>();
  private final List<String> ownerStoryIds = new ArrayList<>();
  private Target victimStory;
  private Target victimLoop;
  private Target victimDeadLetter;
  private Target victimImport;
  private Target victimDrill;
  private final String kafkaBootstrap;
  private String revokedBeforeRemoval;
  private String removedEmail;

  MatrixFixtures(Api gateway, Path keyDirectory, String kafkaBootstrap) throws Exception {
    this.gateway = gateway;
    this.keyDirectory = keyDirectory;
    this.kafkaBootstrap = kafkaBootstrap;
    for (String person : List.of(COACH, ADMIN, OTHER_COACH)) {
      signIn(person, person + "@demo.storybank", DEMO_PASSWORD);
    }
    ok(
        gateway.post(
            "/api/cohorts",
            token(ADMIN),
            Map.of("id", cohort, "name", "Matrix", "coachId", userIds.get(COACH))));
    // the gateway learns of the new cohort from the Cohort aggregate's events
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () ->
                assertThat(signIn(COACH, "coach1@demo.storybank", DEMO_PASSWORD)).contains(cohort));
    join(OWNER);
    join(OTHER_CANDIDATE);
    join(REMOVED);
    String fromBeforeTheRemoval = token(REMOVED);
    ok(
        gateway.call(
            "DELETE",
            "/api/cohorts/" + cohort + "/candidates/" + userIds.get(REMOVED),
            token(COACH),
            null));
    // the token from before is revoked (401 everywhere); the matrix's removed candidate is the
    // one signed in afterwards, whose token no longer names the cohort
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> assertThat(gateway.get("/api/me", fromBeforeTheRemoval).status()).isEqualTo(401));
    revokedBeforeRemoval = fromBeforeTheRemoval;
    assertThat(signIn(REMOVED, removedEmail, PASSWORD)).isEmpty();
    // every service reads the revocations every 2 s
    Thread.sleep(3_000);
    victimStory = storyOfOwner(true);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () ->
                assertThat(
                        gateway
                            .get("/api/search/stories?q=" + marker, token(OWNER))
                            .body()
                            .path("total")
                            .asLong())
                    .as("the owner's story is searchable")
                    .isPositive());
  }

  /** Logs in; answers the token's cohorts. */
  private List<String> signIn(String person, String email, String password) throws Exception {
    String token = gateway.login(email, password);
    JsonNode me = gateway.get("/api/me", token).body();
    tokens.put(person, token);
    userIds.put(person, me.get("userId").asText());
    List<String> ids = new ArrayList<>();
    me.get("cohortIds").forEach(id -> ids.add(id.asText()));
    cohorts.put(person, ids);
    return ids;
  }

  private void join(String person) throws Exception {
    String code =
        ok(gateway.post("/api/cohorts/" + cohort + "/invitations", token(COACH), Map.of()))
            .body()
            .get("code")
            .asText();
    String email = "matrix-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    ok(
        gateway.post(
            "/api/auth/register",
            null,
            Map.of("invitationCode", code, "email", email, "password", PASSWORD, "name", person)));
    assertThat(signIn(person, email, PASSWORD)).containsExactly(cohort);
    if (REMOVED.equals(person)) {
      removedEmail = email;
    }
  }

  String cohort() {
    return cohort;
  }

  String marker() {
    return marker;
  }

  List<String> ownerStoryIds() {
    return ownerStoryIds;
  }

  String token(String person) {
    return tokens.get(person);
  }

  String userId(String person) {
    return userIds.get(person);
  }

  /** The people every object in the matrix must be kept from. */
  Map<String, String> refusedCallers() {
    Map<String, String> callers = new LinkedHashMap<>();
    callers.put("another candidate", tokens.get(OTHER_CANDIDATE));
    callers.put("coach of another cohort", tokens.get(OTHER_COACH));
    callers.put("removed candidate", tokens.get(REMOVED));
    return callers;
  }

  /** Tokens that claim to be {@code person} and must not pass: 401 everywhere. */
  Map<String, String> unauthenticatedCallers(String person) throws Exception {
    if (!unauthenticated.containsKey(person)) {
      ForgedTokens.GatewayKey key = ForgedTokens.GatewayKey.newestIn(keyDirectory);
      String role = gateway.get("/api/me", tokens.get(person)).body().get("role").asText();
      Map<String, String> callers = new LinkedHashMap<>();
      callers.put("no token", null);
      callers.put(
          "an expired token",
          ForgedTokens.expired(key, userIds.get(person), role, cohorts.get(person)));
      callers.put(
          "a token signed by another key",
          ForgedTokens.signedByAnotherKey(userIds.get(person), role, cohorts.get(person)));
      callers.put(
          "a token for another audience",
          ForgedTokens.forAnotherAudience(key, userIds.get(person), role, cohorts.get(person)));
      callers.put("a token revoked (the removed candidate's from before)", revokedBeforeRemoval);
      unauthenticated.put(person, callers);
    }
    return unauthenticated.get(person);
  }

  static Map<String, Object> storyBody(String title) {
    return Map.of(
        "title", title,
        "level", "mid",
        "situation", "s",
        "task", "t",
        "action", "a",
        "result", "r");
  }

  static Map<String, Object> evaluationBody() {
    return Map.of(
        "score",
        60,
        "verdict",
        "mixed",
        "criteria",
        List.of(Map.of("id", "owns-the-outcome", "score", 3, "evidence", "took it on")),
        "pitfalls",
        List.of(Map.of("id", "no-reflection", "evidence", "no lesson")),
        "notes",
        "fine");
  }

  Target victimStory() {
    return victimStory;
  }

  Target freshStory() throws Exception {
    return storyOfOwner(false);
  }

  Target archivedStory() throws Exception {
    Target story = freshStory();
    ok(gateway.call("POST", story.fill("/api/stories/{storyId}/archive"), token(OWNER), null));
    return story;
  }

  Target storyWithComment() throws Exception {
    Target story = freshStory();
    return withComment(story);
  }

  private Target withComment(Target story) throws Exception {
    Api.Response comment =
        ok(
            gateway.post(
                story.fill("/api/stories/{storyId}/comments"),
                token(COACH),
                Map.of("field", "situation", "start", 0, "end", 1, "text", "why")));
    Map<String, String> ids = new LinkedHashMap<>(story.ids());
    ids.put("commentId", comment.body().get("commentId").asText());
    return new Target(ids, "");
  }

  private Target storyOfOwner(boolean victim) throws Exception {
    Api.Response created =
        ok(
            gateway.post(
                "/api/stories",
                token(OWNER),
                Map.of(
                    "title",
                    (victim ? "Walled " : "Own ") + marker,
                    "principles",
                    List.of("ownership", "dive-deep"),
                    "prompts",
                    List.of("Tell me about a time you owned a mess"),
                    "level",
                    "mid",
                    "situation",
                    "The nightly " + marker + " job failed.",
                    "task",
                    "Nobody owned it.",
                    "action",
                    "I traced it and fixed the retry.",
                    "result",
                    "Failures went from five a week to zero.")));
    String storyId = created.body().get("id").asText();
    ownerStoryIds.add(storyId);
    JsonNode story = gateway.get("/api/stories/" + storyId, token(OWNER)).body();
    Target target =
        Target.of(
            "storyId",
            storyId,
            "principle",
            "ownership",
            "promptId",
            story.get("prompts").get(0).get("promptId").asText());
    return victim ? withComment(target) : target;
  }

  Target victimCohort() {
    return Target.of("cohortId", cohort, "candidateId", userIds.get(OTHER_CANDIDATE));
  }

  Target freshCohort() throws Exception {
    String cohortId = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    ok(
        gateway.post(
            "/api/cohorts",
            token(ADMIN),
            Map.of("id", cohortId, "name", "Matrix", "coachId", userIds.get(COACH))));
    return Target.of("cohortId", cohortId);
  }

  Target freshCohortWithCandidate() throws Exception {
    String cohortId = freshCohort().ids().get("cohortId");
    String code =
        ok(gateway.post("/api/cohorts/" + cohortId + "/invitations", token(COACH), Map.of()))
            .body()
            .get("code")
            .asText();
    Api.Response registered =
        ok(
            gateway.post(
                "/api/auth/register",
                null,
                Map.of(
                    "invitationCode",
                    code,
                    "email",
                    "member-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
                    "password",
                    "a long enough secret",
                    "name",
                    "Member")));
    return Target.of("cohortId", cohortId, "candidateId", registered.body().get("userId").asText());
  }

  Target victimAccount() {
    return Target.of("userId", userIds.get(OTHER_CANDIDATE));
  }

  /** An account of its own: locking it revokes its tokens, so never one of the matrix's callers. */
  Target disposableAccount() throws Exception {
    return Target.of("userId", freshCohortWithCandidate().ids().get("candidateId"));
  }

  static Map<String, Object> loopBody(String company) {
    return Map.of(
        "company",
        company,
        "role",
        "Engineer",
        "level",
        "mid",
        "date",
        "2027-01-31",
        "interviews",
        List.of(Map.of("name", "Screen", "principles", List.of("ownership", "dive-deep"))));
  }

  /** The owner's loop refused callers aim at; its company holds the marker. */
  Target victimLoop() throws Exception {
    if (victimLoop == null) {
      victimLoop = loopOfOwner("Walled " + marker);
    }
    return victimLoop;
  }

  Target freshLoop() throws Exception {
    return loopOfOwner("Own " + marker);
  }

  /** A loop of the owner, once story-query shows it (its reads are a projection). */
  private Target loopOfOwner(String company) throws Exception {
    String loopId =
        ok(gateway.post("/api/loops", token(OWNER), loopBody(company))).body().get("id").asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                assertThat(gateway.get("/api/loops/" + loopId, token(OWNER)).status())
                    .as("the owner's loop is readable")
                    .isEqualTo(200));
    return Target.of("loopId", loopId);
  }

  Target victimDeadLetter() throws Exception {
    if (victimDeadLetter == null) {
      victimDeadLetter = freshDeadLetter();
    }
    return victimDeadLetter;
  }

  /**
   * An empty record on the evaluation results, which story-command's listener cannot read and
   * dead-letters; its id once the admin's list shows it.
   */
  Target freshDeadLetter() throws Exception {
    String key = "matrix-" + UUID.randomUUID();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>("storybank.evaluation-results", key, null)).get();
    }
    List<String> ids =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> deadLetterIds(key), found -> !found.isEmpty());
    return Target.of("deadLetterId", ids.get(0));
  }

  private List<String> deadLetterIds(String key) throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode letter : ok(gateway.get("/api/admin/dead-letters", token(ADMIN))).body()) {
      if (key.equals(letter.path("key").asText())) {
        ids.add(letter.get("id").asText());
      }
    }
    return ids;
  }

  /** An import the owner ran in the background, its one story titled with the marker. */
  Target victimImport() throws Exception {
    if (victimImport == null) {
      Api.Response started =
          ok(
              gateway.post(
                  "/api/stories/imports", token(OWNER), List.of(storyBody("Imported " + marker))));
      assertThat(started.status()).as("%s", started.body()).isEqualTo(202);
      victimImport = Target.of("importId", started.body().get("id").asText());
    }
    return victimImport;
  }

  /**
   * The owner's drill refused callers aim at: answered with the story whose title holds the marker.
   */
  Target victimDrill() throws Exception {
    if (victimDrill == null) {
      victimDrill = drillOfOwner();
    }
    return victimDrill;
  }

  Target freshDrill() throws Exception {
    return drillOfOwner();
  }

  /** A drill of the owner, drawn and answered (not rated), so every drill command may follow. */
  private Target drillOfOwner() throws Exception {
    String drillId =
        ok(gateway.post("/api/drills", token(OWNER), Map.of("principle", "ownership", "seed", 1)))
            .body()
            .get("id")
            .asText();
    ok(
        gateway.post(
            "/api/drills/" + drillId + "/answer",
            token(OWNER),
            Map.of("storyId", victimStory.ids().get("storyId"))));
    return Target.of("drillId", drillId);
  }

  /** What a refused call must not have changed about the object it aimed at. */
  Object snapshot(Target target) throws Exception {
    Map<String, String> ids = target.ids();
    if (ids.containsKey("storyId")) {
      JsonNode story = gateway.get("/api/stories/" + ids.get("storyId"), token(OWNER)).body();
      ObjectNode kept = story.deepCopy();
      kept.retain(
          "title",
          "status",
          "level",
          "situation",
          "task",
          "action",
          "result",
          "principles",
          "prompts",
          "comments",
          "selfRating",
          "revision");
      return kept;
    }
    if (ids.containsKey("drillId")) {
      return gateway.get("/api/drills/" + ids.get("drillId"), token(OWNER)).body().get("drill");
    }
    if (ids.containsKey("loopId")) {
      return gateway.get("/api/loops/" + ids.get("loopId"), token(OWNER)).body();
    }
    if (ids.containsKey("cohortId")) {
      return gateway.get("/api/cohorts/" + ids.get("cohortId"), token(ADMIN)).body();
    }
    if (ids.containsKey("deadLetterId")) {
      // a retry would send the record back, and it would come back as a second dead letter
      for (JsonNode letter : ok(gateway.get("/api/admin/dead-letters", token(ADMIN))).body()) {
        if (letter.get("id").asText().equals(ids.get("deadLetterId"))) {
          return deadLetterIds(letter.get("key").asText());
        }
      }
      return null;
    }
    if (ids.containsKey("userId")) {
      for (JsonNode account : gateway.get("/api/admin/accounts", token(ADMIN)).body()) {
        if (account.get("userId").asText().equals(ids.get("userId"))) {
          return account;
        }
      }
      return null;
    }
    return null;
  }

  private static Api.Response ok(Api.Response response) {
    assertThat(response.status())
        .as("fixture step answered %s", response.body())
        .isBetween(200, 299);
    return response;
  }
}
