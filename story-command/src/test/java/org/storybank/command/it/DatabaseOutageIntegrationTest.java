package org.storybank.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.storybank.infra.DatabaseOutage;
import org.storybank.infra.TestServers;

/**
 * A revise sent while the database cuts every connection and refuses new ones: the answer is 503
 * problem+json with Retry-After, never a 2xx for an edit that was not stored (it was 200 with an
 * empty body when the cut connection's "broken pipe" reached Spring), and the same revise succeeds
 * once the database is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageIntegrationTest {

  private static final Duration OUTAGE = Duration.ofSeconds(4);

  private TestServers servers;
  private TestTokens tokens;
  private String database;
  private CommandService service;

  @BeforeAll
  void start() throws Exception {
    servers = TestServers.shared();
    tokens = new TestTokens();
    database = servers.newDatabase();
    service =
        CommandService.start(
            database,
            servers.postgresUser(),
            servers.postgresPassword(),
            servers.kafkaBootstrapServers(),
            tokens.jwksUrl(),
            // a request waiting for a new connection gives up within the outage
            "--spring.datasource.hikari.connection-timeout=1000");
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

  @Test
  void aReviseDuringAnOutageAnswers503AndTheSameReviseSucceedsAfterIt() throws Exception {
    String token = tokens.candidate("author-" + UUID.randomUUID(), "cohort-outage");
    CommandService.Response drafted =
        service.post(
            "/api/stories",
            token,
            Map.of(
                "title", "Before the outage",
                "principles", List.of("ownership"),
                "prompts", List.of("Tell me about a time you owned a problem"),
                "level", "mid",
                "situation", "A queue backed up every Monday.",
                "task", "Nobody owned the consumer.",
                "action", "I added back-pressure and an alarm.",
                "result", "The backlog went from two hours to four minutes."));
    assertThat(drafted.status()).as("draft answered %s", drafted.body()).isEqualTo(201);
    String storyId = drafted.body().get("id").asText();

    List<CommandService.Response> duringOutage = new ArrayList<>();
    try (DatabaseOutage outage = DatabaseOutage.of(database, servers)) {
      long ends = System.nanoTime() + OUTAGE.toNanos();
      // the first revise takes a pooled connection the database has just cut
      do {
        duringOutage.add(revise(token, storyId));
      } while (System.nanoTime() < ends);
    }

    assertThat(duringOutage).isNotEmpty();
    for (CommandService.Response answer : duringOutage) {
      assertThat(answer.status())
          .as("answered during the outage: %s", answer.body())
          .isEqualTo(503);
      assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(answer.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(answer.body().get("status").asInt()).isEqualTo(503);
      assertThat(answer.body().toString()).doesNotContain("Exception", "java.", "PSQL");
    }

    AtomicReference<CommandService.Response> retried = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              retried.set(revise(token, storyId));
              assertThat(retried.get().status())
                  .as("the retry answered %s", retried.get().body())
                  .isIn(200, 503);
              assertThat(retried.get().status()).isEqualTo(200);
            });
    assertThat(retried.get().body().get("version").asLong()).isEqualTo(1);
    CommandService.Response story = service.get("/api/stories/" + storyId, token);
    assertThat(story.body().get("title").asText()).isEqualTo("Revised in an outage");
    assertThat(story.body().get("version").asLong()).isEqualTo(1);
  }

  private CommandService.Response revise(String token, String storyId) throws Exception {
    return service.send(
        "PUT",
        "/api/stories/" + storyId,
        token,
        Map.of(
            "title", "Revised in an outage",
            "level", "mid",
            "situation", "A queue backed up every Monday.",
            "task", "Nobody owned the consumer.",
            "action", "I added back-pressure and an alarm.",
            "result", "The backlog went from two hours to four minutes."),
        Map.of("If-Match", "0"));
  }
}
