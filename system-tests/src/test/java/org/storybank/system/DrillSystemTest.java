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
 * A practice drill on the real stack: drawn from the candidate's coverage (story-query), answered
 * with their own story, asked the follow-ups that story's automatic evaluation calls for, rated;
 * then the history, the summary, the coach's view and the self column of calibration (evaluation
 * service, over Kafka).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedStack.class)
@org.junit.jupiter.api.Order(1)
class DrillSystemTest {

  private static final String PASSWORD = "drill-password-" + UUID.randomUUID();

  private Api gateway;
  private String coach;
  private String otherCoach;
  private String cohort;

  private record Candidate(String token, String userId) {}

  @BeforeAll
  void up(RunningStack stack) throws Exception {
    gateway = new Api(stack.gatewayUrl());
    coach = gateway.login("coach1@demo.storybank", "demo-password");
    otherCoach = gateway.login("coach2@demo.storybank", "demo-password");
    cohort = gateway.get("/api/me", coach).body().get("cohortIds").get(0).asText();
  }

  @Test
  void drawAnswerFollowUpsRateThenHistorySummaryAndCalibration() throws Exception {
    Candidate candidate = newCandidate("driller");
    Candidate other = newCandidate("bystander");
    String storyId = draft(candidate, "The report nobody fixed");
    String othersStory = draft(other, "Somebody else's story");
    JsonNode automatic = awaitAutomaticEvaluation(candidate, storyId);

    // a bank of one ownership story: every other principle is a gap, so a gap is drawn first
    Api.Response first = gateway.post("/api/drills", candidate.token(), Map.of("seed", 3));
    assertThat(first.status()).as("%s", first.body()).isEqualTo(201);
    assertThat(first.body().get("reason").asText()).isEqualTo("gap");
    assertThat(first.body().get("level").asText()).isEqualTo("mid");
    assertThat(first.body().get("why").asText()).isNotBlank();

    Api.Response drawn =
        gateway.post(
            "/api/drills",
            candidate.token(),
            Map.of("principle", "ownership", "level", "senior", "seed", 3));
    assertThat(drawn.status()).as("%s", drawn.body()).isEqualTo(201);
    String drillId = drawn.body().get("id").asText();
    assertThat(drawn.body().get("principle").asText()).isEqualTo("ownership");
    assertThat(drawn.body().get("level").asText()).isEqualTo("senior");
    assertThat(drawn.body().get("prompt").asText()).isNotBlank();
    assertThat(
            gateway
                .post("/api/drills", candidate.token(), Map.of("principle", "patience"))
                .body()
                .get("field")
                .asText())
        .isEqualTo("principle");

    JsonNode shown = gateway.get("/api/drills/" + drillId, candidate.token()).body();
    assertThat(shown.get("drill").get("status").asText()).isEqualTo("drawn");
    assertThat(shown.get("followUps")).isEmpty();

    String rateAt = "/api/drills/" + drillId + "/rating";
    assertThat(gateway.put(rateAt, candidate.token(), null, Map.of("rating", 4)).status())
        .as("rating before answering")
        .isEqualTo(409);
    String answerAt = "/api/drills/" + drillId + "/answer";
    Api.Response foreign =
        gateway.post(answerAt, candidate.token(), Map.of("storyId", othersStory));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.body().get("field").asText()).isEqualTo("storyId");
    assertThat(gateway.post(answerAt, other.token(), Map.of("storyId", othersStory)).status())
        .as("someone else's drill")
        .isEqualTo(404);

    Api.Response answered = gateway.post(answerAt, candidate.token(), Map.of("storyId", storyId));
    assertThat(answered.status()).as("%s", answered.body()).isEqualTo(200);
    JsonNode followUps = answered.body().get("followUps");
    assertThat(answered.body().get("drill").get("storyId").asText()).isEqualTo(storyId);
    assertThat(answered.body().get("storyTitle").asText()).isEqualTo("The report nobody fixed");
    List<String> pitfallsFound = new ArrayList<>();
    automatic.path("pitfalls").forEach(pitfall -> pitfallsFound.add(pitfall.get("id").asText()));
    List<String> probed = new ArrayList<>();
    followUps.forEach(
        followUp -> {
          assertThat(followUp.get("question").asText()).isNotBlank();
          assertThat(followUp.get("probes").asText())
              .isIn("pitfall", "criterion", "metrics", "principle");
          if (followUp.get("probes").asText().equals("pitfall")) {
            probed.add(followUp.get("target").asText());
          }
        });
    assertThat(pitfallsFound).as("the story was written to show pitfalls").isNotEmpty();
    assertThat(probed)
        .as("each follow-up on a pitfall probes one the evaluation found")
        .isNotEmpty()
        .isSubsetOf(pitfallsFound);

    assertThat(
            gateway
                .put(rateAt, candidate.token(), null, Map.of("rating", 6))
                .body()
                .get("field")
                .asText())
        .isEqualTo("rating");
    assertThat(gateway.put(rateAt, coach, null, Map.of("rating", 2)).status())
        .as("the coach reads but does not rate")
        .isEqualTo(403);
    assertThat(gateway.put(rateAt, candidate.token(), null, Map.of("rating", 4)).status())
        .isEqualTo(200);

    JsonNode history = gateway.get("/api/drills", candidate.token()).body();
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("id").asText()).as("newest first").isEqualTo(drillId);
    assertThat(history.get(0).get("rating").asInt()).isEqualTo(4);
    assertThat(history.get(0).get("status").asText()).isEqualTo("rated");

    JsonNode summary = gateway.get("/api/drills/summary", candidate.token()).body();
    JsonNode ownership = find(summary, "principle", "ownership");
    assertThat(ownership.get("rated").asInt()).isEqualTo(1);
    assertThat(ownership.get("meanRating").asDouble()).isEqualTo(4.0);
    assertThat(ownership.get("lastPractised").asText()).isNotBlank();

    String ofCandidate = "?candidateId=" + candidate.userId();
    assertThat(gateway.get("/api/drills" + ofCandidate, coach).body()).hasSize(2);
    assertThat(gateway.get("/api/drills/summary" + ofCandidate, coach).status()).isEqualTo(200);
    assertThat(gateway.get("/api/drills/" + drillId, coach).status()).isEqualTo(200);
    assertThat(gateway.get("/api/drills" + ofCandidate, otherCoach).status()).isEqualTo(404);
    assertThat(gateway.get("/api/drills" + ofCandidate, other.token()).status()).isEqualTo(404);
    assertThat(gateway.get("/api/drills/" + drillId, other.token()).status()).isEqualTo(404);

    // the self-rating reaches calibration: 4 on the 1–5 scale is 3.25 on the criterion scale
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              JsonNode self =
                  gateway.get("/api/evaluations/calibration", candidate.token()).body().get("self");
              JsonNode principle = find(self.get("principles"), "principle", "ownership");
              assertThat(principle.get("drills").asInt()).isEqualTo(1);
              assertThat(principle.get("self").asDouble()).isEqualTo(3.25);
              assertThat(self.get("criteria")).isNotEmpty();
            });
    printTimes(candidate, drillId);

    JsonNode cohortSelf =
        gateway.get("/api/evaluations/calibration?cohortId=" + cohort, coach).body().get("self");
    assertThat(find(cohortSelf.get("principles"), "principle", "ownership").get("drills").asInt())
        .isPositive();
  }

  /** Figures for the README: a draw (coverage read included) and a drill read with follow-ups. */
  private void printTimes(Candidate candidate, String answeredDrill) throws Exception {
    List<Long> draws = new ArrayList<>();
    List<Long> reads = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      long start = System.nanoTime();
      Api.Response drawn = gateway.post("/api/drills", candidate.token(), Map.of("seed", i));
      draws.add((System.nanoTime() - start) / 1_000_000);
      assertThat(drawn.status()).isEqualTo(201);
      start = System.nanoTime();
      assertThat(gateway.get("/api/drills/" + answeredDrill, candidate.token()).status())
          .isEqualTo(200);
      reads.add((System.nanoTime() - start) / 1_000_000);
    }
    draws.sort(null);
    reads.sort(null);
    System.out.printf(
        "drills: draw median %d ms (max %d); drill with follow-ups median %d ms (max %d)%n",
        draws.get(5), draws.get(9), reads.get(5), reads.get(9));
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode node : array) {
      if (node.path(field).asText().equals(value)) {
        return node;
      }
    }
    throw new AssertionError("no " + field + "=" + value + " in " + array);
  }

  /** An ownership story told in "we" with no figure, so its evaluation finds pitfalls. */
  private String draft(Candidate author, String title) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("principles", List.of("ownership"));
    body.put("prompts", List.of("Tell me about a time you fixed something nobody owned"));
    body.put("level", "mid");
    body.put("situation", "Our weekly report was often late and people complained about it.");
    body.put("task", "We had to make it better.");
    body.put("action", "We worked hard and made sure it went well, and the team fixed it.");
    body.put("result", "It was a success and everyone was happy.");
    Api.Response drafted = gateway.post("/api/stories", author.token(), body);
    assertThat(drafted.status()).as("%s", drafted.body()).isEqualTo(201);
    return drafted.body().get("id").asText();
  }

  private JsonNode awaitAutomaticEvaluation(Candidate author, String storyId) {
    JsonNode[] result = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              JsonNode automatic =
                  gateway
                      .get("/api/stories/" + storyId, author.token())
                      .body()
                      .path("latestEvaluations")
                      .path("automatic");
              assertThat(automatic.isMissingNode()).as("evaluated").isFalse();
              result[0] = automatic.path("result");
            });
    return result[0];
  }

  private Candidate newCandidate(String name) throws Exception {
    Api.Response invitation =
        gateway.post("/api/cohorts/" + cohort + "/invitations", coach, Map.of());
    assertThat(invitation.status()).as("%s", invitation.body()).isEqualTo(201);
    String email = "drill-" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@ex.org";
    Api.Response registered =
        gateway.post(
            "/api/auth/register",
            null,
            Map.of(
                "invitationCode",
                invitation.body().get("code").asText(),
                "email",
                email,
                "password",
                PASSWORD,
                "name",
                name));
    assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
    String token = gateway.login(email, PASSWORD);
    return new Candidate(token, gateway.get("/api/me", token).body().get("userId").asText());
  }
}
