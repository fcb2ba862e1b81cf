package org.storybank.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.storybank.infra.TestServers;

/**
 * Interview loops over HTTP on the real PostgreSQL event store: a bad field is named, the candidate
 * plans, revises, records what they told where and cancels; the story's GET shows where it was told
 * (from its author's loops only); the coach is refused changes, a stranger told it does not exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoopCommandIntegrationTest {

  private static final String COHORT = "cohort-loops-it";

  private TestTokens tokens;
  private CommandService service;

  @BeforeAll
  void start() throws Exception {
    TestServers servers = TestServers.shared();
    tokens = new TestTokens();
    service =
        CommandService.start(
            servers.newDatabase(),
            servers.postgresUser(),
            servers.postgresPassword(),
            servers.kafkaBootstrapServers(),
            tokens.jwksUrl());
  }

  @AfterAll
  void stop() {
    if (service != null) {
      service.close();
    }
    if (tokens != null) {
      tokens.close();
    }
  }

  private static Map<String, Object> loop(String company, String level) {
    return Map.of(
        "company",
        company,
        "role",
        "Engineer",
        "level",
        level,
        "date",
        "2027-01-31",
        "interviews",
        List.of(
            Map.of("name", "Screen", "principles", List.of("ownership")),
            Map.of(
                "name",
                "Onsite",
                "principles",
                List.of("dive-deep"),
                "questions",
                List.of("Tell me about a time you were wrong"))));
  }

  @Test
  void aLoopFromPlanToUsageAndTheStoryShowsWhereItWasTold() throws Exception {
    String candidate = "candidate-" + UUID.randomUUID();
    String token = tokens.candidate(candidate, COHORT);

    CommandService.Response bad = service.post("/api/loops", token, loop("Northwind", "principal"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().get("field").asText()).isEqualTo("level");
    assertThat(bad.body().get("rule").asText()).contains("entry, mid, senior, staff");

    CommandService.Response created = service.post("/api/loops", token, loop("Northwind", "mid"));
    assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
    String loopId = created.body().get("id").asText();
    assertThat(
            service
                .send("PUT", "/api/loops/" + loopId, token, loop("Northwind", "senior"), Map.of())
                .status())
        .isEqualTo(200);

    CommandService.Response story =
        service.post(
            "/api/stories",
            token,
            Map.of(
                "title", "The queue nobody owned",
                "principles", List.of("ownership"),
                "level", "mid",
                "situation", "A queue backed up every Monday.",
                "task", "Nobody owned the consumer.",
                "action", "I added back-pressure and an alarm.",
                "result", "The backlog went from two hours to four minutes."));
    String storyId = story.body().get("id").asText();
    CommandService.Response usage =
        service.post(
            "/api/loops/" + loopId + "/usage",
            token,
            Map.of(
                "uses",
                List.of(
                    Map.of("interview", "Screen", "principle", "ownership", "storyId", storyId))));
    assertThat(usage.status()).as("%s", usage.body()).isEqualTo(200);
    CommandService.Response wrongInterview =
        service.post(
            "/api/loops/" + loopId + "/usage",
            token,
            Map.of("uses", List.of(Map.of("interview", "Lunch", "storyId", storyId))));
    assertThat(wrongInterview.status()).isEqualTo(400);
    assertThat(wrongInterview.body().get("field").asText()).isEqualTo("uses[0].interview");

    JsonNode usedIn = service.get("/api/stories/" + storyId, token).body().get("usedIn");
    assertThat(usedIn).hasSize(1);
    assertThat(usedIn.get(0).get("loopId").asText()).isEqualTo(loopId);
    assertThat(usedIn.get(0).get("company").asText()).isEqualTo("Northwind");
    assertThat(usedIn.get(0).get("interview").asText()).isEqualTo("Screen");
    assertThat(usedIn.get(0).get("principle").asText()).isEqualTo("ownership");
    assertThat(service.get("/api/stories/" + storyId, token).body().get("title").asText())
        .as("the story itself is still there beside usedIn")
        .isEqualTo("The queue nobody owned");

    // another candidate naming this story in their own loop does not show on it
    String stranger = tokens.candidate("candidate-" + UUID.randomUUID(), COHORT);
    String theirs =
        service.post("/api/loops", stranger, loop("Contoso", "mid")).body().get("id").asText();
    service.post(
        "/api/loops/" + theirs + "/usage",
        stranger,
        Map.of("uses", List.of(Map.of("interview", "Screen", "storyId", storyId))));
    assertThat(service.get("/api/stories/" + storyId, token).body().get("usedIn")).hasSize(1);

    String coach = tokens.coach("coach-" + UUID.randomUUID(), COHORT);
    CommandService.Response coachEdit =
        service.send("PUT", "/api/loops/" + loopId, coach, loop("Taken", "mid"), Map.of());
    assertThat(coachEdit.status()).isIn(403, 404);
    assertThat(service.send("DELETE", "/api/loops/" + loopId, stranger, null, Map.of()).status())
        .isEqualTo(404);

    assertThat(service.send("DELETE", "/api/loops/" + loopId, token, null, Map.of()).status())
        .isEqualTo(204);
    assertThat(service.get("/api/stories/" + storyId, token).body().get("usedIn"))
        .as("a cancelled loop counts for nothing")
        .isEmpty();
    assertThat(
            service
                .send("PUT", "/api/loops/" + loopId, token, loop("Again", "mid"), Map.of())
                .status())
        .isEqualTo(404);
  }
}
