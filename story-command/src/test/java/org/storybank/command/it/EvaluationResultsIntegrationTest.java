package org.storybank.command.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.storybank.api.evaluation.AutomaticEvaluation;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.Verdict;
import org.storybank.api.messaging.EventTopics;
import org.storybank.infra.TestServers;
import org.storybank.messaging.deadletter.DeadLetter;
import org.storybank.messaging.deadletter.DeadLetterStore;

/**
 * The evaluation results the command side records, on a real broker and event store: a record that
 * is not an evaluation is dead-lettered with its reason, and the evaluations behind it on the same
 * partition are still recorded (an empty record used to stall the listener for good).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationResultsIntegrationTest {

  private static final String COHORT = "cohort-results-it";
  private static final String GROUP = "story-command-it-" + UUID.randomUUID();
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private TestServers servers;
  private TestTokens tokens;
  private CommandService service;
  private KafkaProducer<String, byte[]> producer;
  private DeadLetterStore deadLetters;

  @BeforeAll
  void start() throws Exception {
    servers = TestServers.shared();
    tokens = new TestTokens();
    service =
        CommandService.start(
            servers.newDatabase(),
            servers.postgresUser(),
            servers.postgresPassword(),
            servers.kafkaBootstrapServers(),
            tokens.jwksUrl(),
            "--storybank.kafka.evaluation-consumer-group=" + GROUP);
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrapServers());
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producer = new KafkaProducer<>(properties);
    deadLetters = new DeadLetterStore(servers.kafkaBootstrapServers());
  }

  @AfterAll
  void stop() {
    for (AutoCloseable open : List.<AutoCloseable>of(deadLetters, producer, service, tokens)) {
      try {
        open.close();
      } catch (Exception e) {
        // closing the rest matters more
      }
    }
  }

  @Test
  void recordsThatAreNotEvaluationsAreDeadLetteredAndTheEvaluationsBehindThemRecorded()
      throws Exception {
    String token = tokens.candidate("author-" + UUID.randomUUID(), COHORT);
    String storyId = draft(token);
    String neighbour = draft(token);
    long empty = send(storyId, null);
    long hollow = send(storyId, "{}".getBytes(UTF_8));
    send(storyId, JSON.writeValueAsBytes(evaluation(storyId)));
    send(neighbour, JSON.writeValueAsBytes(evaluation(neighbour)));

    for (String recorded : List.of(storyId, neighbour)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(evaluationsOf(recorded, token))
                      .as("automatic evaluations of %s", recorded)
                      .hasSize(1));
    }
    List<DeadLetter> letters =
        deadLetters.list(1_000).stream()
            .filter(letter -> GROUP.equals(letter.consumerGroup()))
            .toList();
    assertThat(letters)
        .extracting(DeadLetter::topic, DeadLetter::key, DeadLetter::offset, DeadLetter::reason)
        .containsExactlyInAnyOrder(
            tuple(EventTopics.EVALUATION_RESULTS, storyId, empty, "unreadable: empty record"),
            tuple(
                EventTopics.EVALUATION_RESULTS,
                storyId,
                hollow,
                "unreadable: evaluation without story, id or result"));
  }

  private List<JsonNode> evaluationsOf(String storyId, String token) throws Exception {
    List<JsonNode> evaluations = new ArrayList<>();
    service
        .get("/api/stories/" + storyId + "/history", token)
        .body()
        .get("evaluations")
        .forEach(evaluations::add);
    return evaluations;
  }

  private long send(String storyId, byte[] value) throws Exception {
    return producer
        .send(new ProducerRecord<>(EventTopics.EVALUATION_RESULTS, storyId, value))
        .get()
        .offset();
  }

  private static AutomaticEvaluation evaluation(String storyId) {
    return new AutomaticEvaluation(
        storyId,
        "evaluation-" + UUID.randomUUID(),
        1,
        new EvaluationResult(
            "rubric-it", 70, Verdict.MIXED, true, List.of(), List.of(), List.of(), ""));
  }

  private String draft(String token) throws Exception {
    CommandService.Response created =
        service.post(
            "/api/stories",
            token,
            Map.of(
                "title", "A queue nobody owned",
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
}
