package org.storybank.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.storybank.api.messaging.EventTopics;
import org.storybank.infra.TestServers;

/**
 * The command side on the real PostgreSQL event store and the real Kafka broker: two instances on
 * one database, publication through a broker restart, and an event written in an older shape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandSideIntegrationTest {

  private static final String COHORT = "cohort-it";

  private TestServers servers;
  private TestTokens tokens;
  private String database;
  private CommandService first;
  private CommandService second;

  @BeforeAll
  void startTwoInstances() throws Exception {
    servers = TestServers.shared();
    tokens = new TestTokens();
    database = servers.newDatabase();
    first = instance();
    second = instance();
  }

  private CommandService instance() {
    return CommandService.start(
        database,
        servers.postgresUser(),
        servers.postgresPassword(),
        servers.kafkaBootstrapServers(),
        tokens.jwksUrl());
  }

  @AfterAll
  void stopInstances() {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
    if (tokens != null) {
      tokens.close();
    }
  }

  @Test
  void axonsUpdateCheckerIsOffHoweverTheServiceIsStarted() {
    // these instances were started by SpringApplicationBuilder, as benchmarks start it, not by main
    assertThat(System.getProperty("axoniq.update-checker.disabled")).isEqualTo("true");
  }

  @Test
  void twoWritersOfOneVersionOnTwoInstancesEndInOneSuccessAndOneConflict() throws Exception {
    String author = "author-" + UUID.randomUUID();
    String token = tokens.candidate(author, COHORT);
    String storyId = draft(first, token, "Two writers");

    for (int round = 0; round < 5; round++) {
      long seen = first.get("/api/stories/" + storyId, token).body().get("version").asLong();
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService writers = Executors.newFixedThreadPool(2);
      try {
        Future<CommandService.Response> a =
            writers.submit(revise(first, token, storyId, seen, "first " + round, go));
        Future<CommandService.Response> b =
            writers.submit(revise(second, token, storyId, seen, "second " + round, go));
        go.countDown();
        List<CommandService.Response> answers = List.of(a.get(), b.get());

        assertThat(answers)
            .extracting(CommandService.Response::status)
            .containsExactlyInAnyOrder(200, 409);
        CommandService.Response won =
            answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        CommandService.Response lost =
            answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        long newVersion = won.body().get("version").asLong();
        assertThat(newVersion).isEqualTo(seen + 1);
        assertThat(lost.body().get("currentVersion").asLong()).isEqualTo(newVersion);
      } finally {
        writers.shutdownNow();
      }
    }

    JsonNode history = second.get("/api/stories/" + storyId + "/history", token).body();
    List<Integer> revisions = new ArrayList<>();
    history.get("entries").forEach(entry -> revisions.add(entry.get("revision").asInt()));
    assertThat(revisions).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void everyEventReachesKafkaInOrderPerStoryThroughABrokerRestart() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        servers.canRestartKafka(), "the broker runs in a container");
    String author = "author-" + UUID.randomUUID();
    String token = tokens.candidate(author, COHORT);
    Map<String, Long> lastVersion = new HashMap<>();

    for (int i = 0; i < 6; i++) {
      String storyId = draft(first, token, "Before the outage " + i);
      lastVersion.put(storyId, tag(first, token, storyId, "dive-deep"));
    }
    servers.kafkaBroker().stop();
    for (int i = 0; i < 6; i++) {
      String storyId = draft(second, token, "During the outage " + i);
      tag(second, token, storyId, "dive-deep");
      lastVersion.put(storyId, tag(second, token, storyId, "earn-trust"));
    }
    for (String storyId : List.copyOf(lastVersion.keySet()).subList(0, 3)) {
      lastVersion.put(storyId, tag(first, token, storyId, "think-big"));
    }
    Thread.sleep(3_000);
    servers.kafkaBroker().restart();
    for (int i = 0; i < 3; i++) {
      String storyId = draft(first, token, "After the outage " + i);
      lastVersion.put(storyId, tag(first, token, storyId, "frugality"));
    }

    Map<String, List<Long>> published = new ConcurrentHashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      consumer.subscribe(List.of(EventTopics.STORY_EVENTS));
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                for (ConsumerRecord<String, byte[]> record :
                    consumer.poll(Duration.ofMillis(500))) {
                  if (lastVersion.containsKey(record.key())) {
                    published
                        .computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(sequenceOf(record));
                  }
                }
                return lastVersion.entrySet().stream()
                    .allMatch(
                        story ->
                            published
                                .getOrDefault(story.getKey(), List.of())
                                .contains(story.getValue()));
              });
    }

    lastVersion.forEach(
        (storyId, last) -> {
          List<Long> sequences = published.get(storyId);
          // at least once: a retried send may repeat versions already delivered, never skip ahead
          List<Long> firstArrivals = sequences.stream().distinct().toList();
          assertThat(firstArrivals)
              .as("story %s: each version first arrives in order, none missing", storyId)
              .containsExactlyElementsOf(
                  java.util.stream.LongStream.rangeClosed(0, last).boxed().toList());
          for (int i = 0; i < sequences.size(); i++) {
            long highestBefore =
                sequences.subList(0, i).stream().mapToLong(Long::longValue).max().orElse(-1);
            assertThat(sequences.get(i))
                .as("story %s: a version beyond the next one never arrives early", storyId)
                .isLessThanOrEqualTo(highestBefore + 1);
          }
        });
    long duplicates =
        published.values().stream().mapToLong(s -> s.size() - s.stream().distinct().count()).sum();
    System.out.printf(
        "broker restart: %d stories, %d events, %d delivered twice%n",
        lastVersion.size(), lastVersion.values().stream().mapToLong(v -> v + 1).sum(), duplicates);
  }

  @Test
  void aCoachLosesACandidatesStoriesFromTheMomentTheCandidateIsRemoved() throws Exception {
    String cohortId = "cohort-" + UUID.randomUUID();
    String coachId = "coach-" + UUID.randomUUID();
    String candidateId = "candidate-" + UUID.randomUUID();
    String admin = tokens.token("admin-1", "admin", List.of());
    String coach = tokens.coach(coachId, cohortId);

    assertThat(
            first
                .post(
                    "/api/cohorts",
                    admin,
                    Map.of("id", cohortId, "name", "Eastbrook", "coachId", coachId))
                .status())
        .isEqualTo(201);
    CommandService.Response invitation =
        first.post("/api/cohorts/" + cohortId + "/invitations", coach, Map.of());
    assertThat(invitation.status()).as("invitation answered %s", invitation.body()).isEqualTo(201);
    String code = invitation.body().get("code").asText();
    String stranger = tokens.coach("coach-x", "cohort-x");
    assertThat(first.post("/api/cohorts/" + cohortId + "/invitations", stranger, Map.of()).status())
        .isEqualTo(404);

    String candidate = tokens.candidate(candidateId, cohortId);
    assertThat(second.post("/api/cohorts/enrollments", candidate, Map.of("code", code)).status())
        .isEqualTo(201);
    assertThat(
            second
                .post(
                    "/api/cohorts/enrollments",
                    tokens.candidate("late-" + UUID.randomUUID(), cohortId),
                    Map.of("code", code))
                .status())
        .as("a code works once")
        .isEqualTo(400);
    assertThat(
            first.get("/api/cohorts/" + cohortId, coach).body().get("candidateIds").get(0).asText())
        .isEqualTo(candidateId);

    String storyId = draft(first, candidate, "Before leaving the cohort");
    assertThat(first.get("/api/stories/" + storyId, coach).status()).isEqualTo(200);

    assertThat(
            first
                .send(
                    "DELETE",
                    "/api/cohorts/" + cohortId + "/candidates/" + candidateId,
                    coach,
                    null,
                    Map.of())
                .status())
        .isEqualTo(204);
    assertThat(first.get("/api/stories/" + storyId, coach).status()).isEqualTo(404);
    assertThat(second.get("/api/stories/" + storyId, coach).status()).isEqualTo(404);
    assertThat(
            second
                .post(
                    "/api/stories/" + storyId + "/comments",
                    coach,
                    Map.of("field", "action", "start", 0, "end", 3, "text", "hi"))
                .status())
        .isEqualTo(404);
    assertThat(first.get("/api/stories/" + storyId, candidate).status())
        .as("the candidate keeps the story")
        .isEqualTo(200);
  }

  @Test
  void aLongLivedStoryIsSnapshottedAndStillLoadsCorrectly() throws Exception {
    String token = tokens.candidate("author-" + UUID.randomUUID(), COHORT);
    String storyId = draft(first, token, "Edited all year");
    long version = 0;
    for (int i = 0; i < 60; i++) {
      version =
          i % 2 == 0
              ? tag(first, token, storyId, "dive-deep")
              : first
                  .send(
                      "DELETE",
                      "/api/stories/" + storyId + "/principles/dive-deep",
                      token,
                      null,
                      Map.of())
                  .body()
                  .get("version")
                  .asLong();
    }
    assertThat(version).isEqualTo(60);
    JdbcTemplate jdbc = new JdbcTemplate(first.context().getBean(javax.sql.DataSource.class));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.queryForObject(
                            "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                            Long.class,
                            storyId))
                    .isGreaterThan(0));
    // the other instance has no cached copy: it loads from the snapshot plus the events after it
    assertThat(tag(second, token, storyId, "dive-deep")).isEqualTo(61);
    JsonNode story = second.get("/api/stories/" + storyId, token).body();
    assertThat(story.get("version").asLong()).isEqualTo(61);
    assertThat(story.get("principles")).hasSize(2);
  }

  @Test
  void aStoryDraftedInTheFirstEventShapeStillReads() throws Exception {
    String author = "author-" + UUID.randomUUID();
    String token = tokens.candidate(author, COHORT);
    String storyId = UUID.randomUUID().toString();
    String firstShape =
        """
        {"storyId":"%s","authorId":"%s","cohortId":"%s","title":"Written long ago",
         "principles":["ownership"],"prompts":["Tell me about a time you owned a problem","Describe a late project"],
         "level":"mid","star":{"situation":"s","task":"t","action":"a","result":"r"}}
        """
            .formatted(storyId, author, COHORT);
    new JdbcTemplate(first.context().getBean(javax.sql.DataSource.class))
        .update(
            """
            INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
              time_stamp, payload_type, payload_revision, payload, meta_data)
            VALUES (?, ?, 0, 'Story', ?, 'org.storybank.api.story.StoryDrafted', NULL, ?, ?)
            """,
            UUID.randomUUID().toString(),
            storyId,
            java.time.Instant.now().toString(),
            firstShape.getBytes(StandardCharsets.UTF_8),
            "{}".getBytes(StandardCharsets.UTF_8));

    JsonNode story = first.get("/api/stories/" + storyId, token).body();
    assertThat(story.get("title").asText()).isEqualTo("Written long ago");
    assertThat(story.get("prompts").get(0).get("promptId").asText()).isEqualTo("p1");
    assertThat(story.get("prompts").get(1).get("text").asText())
        .isEqualTo("Describe a late project");

    CommandService.Response unlinked =
        first.send("DELETE", "/api/stories/" + storyId + "/prompts/p2", token, null, Map.of());
    assertThat(unlinked.status()).isEqualTo(200);
    assertThat(unlinked.body().get("version").asLong()).isEqualTo(1);
  }

  private static String draft(CommandService service, String token, String title) throws Exception {
    CommandService.Response created =
        service.post(
            "/api/stories",
            token,
            Map.of(
                "title", title,
                "principles", List.of("ownership"),
                "prompts", List.of("Tell me about a time you owned a problem"),
                "level", "mid",
                "situation", "A queue backed up every Monday.",
                "task", "Nobody owned the consumer.",
                "action", "I added back-pressure and an alarm.",
                "result", "The backlog went from two hours to four minutes."));
    assertThat(created.status()).as("draft answered %s", created.body()).isEqualTo(201);
    return created.body().get("id").asText();
  }

  private static long tag(CommandService service, String token, String storyId, String principle)
      throws Exception {
    CommandService.Response tagged =
        service.post(
            "/api/stories/" + storyId + "/principles", token, Map.of("principle", principle));
    assertThat(tagged.status()).as("tag answered %s", tagged.body()).isEqualTo(200);
    return tagged.body().get("version").asLong();
  }

  private static Callable<CommandService.Response> revise(
      CommandService service,
      String token,
      String storyId,
      long version,
      String title,
      CountDownLatch go) {
    return () -> {
      go.await();
      return service.send(
          "PUT",
          "/api/stories/" + storyId,
          token,
          Map.of(
              "title", title,
              "level", "mid",
              "situation", "A queue backed up every Monday.",
              "task", "Nobody owned the consumer.",
              "action", "I added back-pressure and an alarm.",
              "result", "The backlog went from two hours to four minutes."),
          Map.of("If-Match", Long.toString(version)));
    };
  }

  private KafkaConsumer<String, byte[]> consumer() {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrapServers());
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return new KafkaConsumer<>(properties);
  }

  private static long sequenceOf(ConsumerRecord<String, byte[]> record) {
    return Long.parseLong(
        new String(
            record.headers().lastHeader(EventTopics.HEADER_SEQUENCE).value(),
            StandardCharsets.UTF_8));
  }
}
