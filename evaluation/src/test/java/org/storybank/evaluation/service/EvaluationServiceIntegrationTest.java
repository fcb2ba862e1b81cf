package org.storybank.evaluation.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.storybank.api.Level;
import org.storybank.api.drill.DrillEvents.DrillRated;
import org.storybank.api.evaluation.AutomaticEvaluation;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.Evaluator;
import org.storybank.api.evaluation.Verdict;
import org.storybank.api.messaging.EventTopics;
import org.storybank.api.story.PromptLink;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryDrafted;
import org.storybank.api.story.StoryEvent;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;
import org.storybank.api.story.StoryEvents.StoryRevised;
import org.storybank.evaluation.EvaluationApplication;
import org.storybank.infra.DatabaseOutage;
import org.storybank.infra.TestServers;
import org.storybank.messaging.deadletter.DeadLetter;
import org.storybank.messaging.deadletter.DeadLetterStore;

/** The evaluation service on a real broker and database: story events in, evaluations out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationServiceIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final StarText STRONG =
      new StarText(
          "Deploys failed one time in five and every team just retried them.",
          "The pipeline belonged to no team after a reorganisation, and I chose to take it on.",
          "I traced the failures to a race in the artifact upload, proposed a checksum gate to the platform lead, "
              + "got agreement to ship it behind a flag, and stayed on call for the first month to watch the alerts I added.",
          "Failed deploys fell from 20% to under 1%, and two other teams adopted the gate. I learned to bring the data "
              + "to the owning team first.");

  private static final String GROUP = "evaluation-it-" + UUID.randomUUID();

  private TestServers servers;
  private String database;
  private ConfigurableApplicationContext service;
  private KafkaProducer<String, byte[]> producer;
  private DeadLetterStore deadLetters;

  @BeforeAll
  void start() {
    servers = TestServers.shared();
    database = servers.newDatabase();
    service =
        new SpringApplicationBuilder(EvaluationApplication.class)
            .run(
                "--server.port=0",
                "--storybank.kafka.consumer-group=" + GROUP,
                // a database outage is noticed within half a second instead of Hikari's 30 s, so
                // that ten immediate tries would all fall inside it
                "--spring.datasource.hikari.connection-timeout=500",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + servers.postgresUser(),
                "--spring.datasource.password=" + servers.postgresPassword(),
                "--spring.kafka.bootstrap-servers=" + servers.kafkaBootstrapServers(),
                "--spring.jmx.enabled=false");
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrapServers());
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producer = new KafkaProducer<>(properties);
    deadLetters = new DeadLetterStore(servers.kafkaBootstrapServers());
  }

  @AfterAll
  void stop() {
    if (deadLetters != null) {
      deadLetters.close();
    }
    if (producer != null) {
      producer.close();
    }
    if (service != null) {
      service.close();
    }
  }

  @Test
  void eachNewRevisionIsJudgedOnceAndSentToTheCommandSide() throws Exception {
    String storyId = UUID.randomUUID().toString();
    StoryDrafted drafted =
        new StoryDrafted(
            storyId,
            "author-1",
            "cohort-1",
            "The deploy gate",
            List.of("ownership"),
            List.of(
                new PromptLink("p1", "Tell me about a time you fixed something nobody owned", "")),
            Level.MID,
            STRONG);
    publish(drafted, 0);
    publish(drafted, 0);
    publish(new StoryRevised(storyId, "author-1", 2, "The deploy gate", Level.STAFF, STRONG), 1);

    List<AutomaticEvaluation> received =
        evaluationsOf(
            storyId, evaluations -> evaluations.stream().anyMatch(e -> e.revision() == 2));

    String rubric = service.getBean(AutomaticEvaluator.class).rubricVersion();
    // the duplicated draft was judged once: nothing arrived twice
    assertThat(received).extracting(AutomaticEvaluation::revision).containsExactly(1, 2);
    assertThat(received).allSatisfy(e -> assertThat(e.result().rubricVersion()).isEqualTo(rubric));
    assertThat(received.get(0).result().meetsBar()).as("a strong mid-level story").isTrue();
    assertThat(received.get(0).result().criteria()).isNotEmpty();
    assertThat(received.get(0).evaluationId()).isNotEqualTo(received.get(1).evaluationId());
  }

  @Test
  void aNewRubricVersionJudgesStoriesJudgedByAnOlderOneAgain() throws Exception {
    String storyId = UUID.randomUUID().toString();
    StoryTexts stories = service.getBean(StoryTexts.class);
    stories.save(
        new StoryText(
            storyId,
            "author-3",
            "cohort-1",
            4,
            3,
            "senior",
            List.of("dive-deep"),
            List.of(),
            STRONG.situation(),
            STRONG.task(),
            STRONG.action(),
            STRONG.result(),
            3,
            "2026.01-retired"));
    stories.markEvaluated(storyId, 3, "2026.01-retired");

    service.getBean(RubricRollout.class).run();

    String rubric = service.getBean(AutomaticEvaluator.class).rubricVersion();
    assertThat(stories.find(storyId).orElseThrow().evaluatedRubric()).isEqualTo(rubric);
    assertThat(stories.countNotEvaluatedBy(rubric)).isZero();
    List<AutomaticEvaluation> received =
        evaluationsOf(storyId, evaluations -> !evaluations.isEmpty());
    assertThat(received).extracting(AutomaticEvaluation::revision).containsExactly(3);
    assertThat(received.get(0).result().rubricVersion()).isEqualTo(rubric);
  }

  @Test
  void calibrationComparesAutomaticAndCoachScoresOfTheSameRevision() throws Exception {
    String storyId = UUID.randomUUID().toString();
    String cohort = "cohort-" + UUID.randomUUID();
    publish(
        new StoryDrafted(
            storyId, "author-2", cohort, "T", List.of("ownership"), List.of(), Level.MID, STRONG),
        0);
    publish(
        new EvaluationRecorded(
            storyId,
            "svc",
            "e1",
            Evaluator.automatic("svc"),
            1,
            result(
                List.of(
                    new EvaluationResult.CriterionScore("beyond-scope", 4, ""),
                    new EvaluationResult.CriterionScore("follow-through", 2, "")))),
        1);
    publish(
        new EvaluationRecorded(
            storyId,
            "coach-1",
            "e2",
            Evaluator.coach("coach-1"),
            1,
            result(
                List.of(
                    new EvaluationResult.CriterionScore("beyond-scope", 3, ""),
                    new EvaluationResult.CriterionScore("follow-through", 2, "")))),
        2);

    Calibration calibration = service.getBean(Calibration.class);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(calibration.forCohorts(List.of(cohort))).hasSize(2));
    List<CriterionAgreement> agreement = calibration.forCohorts(List.of(cohort));
    CriterionAgreement beyondScope =
        agreement.stream()
            .filter(a -> a.criterion().equals("beyond-scope"))
            .findFirst()
            .orElseThrow();
    assertThat(beyondScope.pairs()).isEqualTo(1);
    assertThat(beyondScope.exactAgreement()).isZero();
    assertThat(beyondScope.withinOne()).isEqualTo(1.0);
    assertThat(beyondScope.automaticMinusCoach()).isEqualTo(1.0);
    CriterionAgreement followThrough =
        agreement.stream()
            .filter(a -> a.criterion().equals("follow-through"))
            .findFirst()
            .orElseThrow();
    assertThat(followThrough.exactAgreement()).isEqualTo(1.0);
    assertThat(calibration.forCohorts(List.of("another-cohort"))).isEmpty();
    assertThat(calibration.forAuthor("author-2")).hasSize(2);
  }

  @Test
  void selfRatingsFromDrillsSitBesideTheAutomaticAndCoachScores() throws Exception {
    String storyId = UUID.randomUUID().toString();
    String cohort = "cohort-" + UUID.randomUUID();
    publish(
        new StoryDrafted(
            storyId, "author-3", cohort, "T", List.of("ownership"), List.of(), Level.MID, STRONG),
        0);
    publish(
        new EvaluationRecorded(
            storyId,
            "svc",
            "e1",
            Evaluator.automatic("svc"),
            1,
            result(
                List.of(
                    new EvaluationResult.CriterionScore("beyond-scope", 4, ""),
                    new EvaluationResult.CriterionScore("follow-through", 2, "")))),
        1);
    publish(
        new EvaluationRecorded(
            storyId,
            "coach-1",
            "e2",
            Evaluator.coach("coach-1"),
            1,
            result(List.of(new EvaluationResult.CriterionScore("beyond-scope", 3, "")))),
        2);
    String drill = UUID.randomUUID().toString();
    publishDrill(new DrillRated(drill, "author-3", "ownership", storyId, 1, 2), 2);
    // a replay of an older rating after the newer one changes nothing
    publishDrill(new DrillRated(drill, "author-3", "ownership", storyId, 1, 5), 3);
    publishDrill(new DrillRated(drill, "author-3", "ownership", storyId, 1, 2), 2);

    Calibration calibration = service.getBean(Calibration.class);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                // story and drill events travel on different topics: wait for both
                assertThat(calibration.selfForCohorts(List.of(cohort)).principles())
                    .singleElement()
                    .satisfies(
                        principle -> {
                          assertThat(principle.meanRating()).isEqualTo(5.0);
                          assertThat(principle.coach()).isNotNull();
                        }));
    SelfCalibration self = calibration.selfForCohorts(List.of(cohort));
    SelfCalibration.Principle ownership = self.principles().get(0);
    assertThat(ownership.drills()).isEqualTo(1);
    assertThat(ownership.self()).isEqualTo(4.0);
    assertThat(ownership.automatic()).isEqualTo(3.0);
    assertThat(ownership.coach()).isEqualTo(3.0);
    SelfCalibration.Criterion beyondScope =
        self.criteria().stream()
            .filter(c -> c.criterion().equals("beyond-scope"))
            .findFirst()
            .orElseThrow();
    assertThat(beyondScope.pairs()).isEqualTo(1);
    assertThat(beyondScope.selfMinusAutomatic()).isEqualTo(0.0);
    assertThat(beyondScope.selfMinusCoach()).isEqualTo(1.0);
    SelfCalibration.Criterion followThrough =
        self.criteria().stream()
            .filter(c -> c.criterion().equals("follow-through"))
            .findFirst()
            .orElseThrow();
    assertThat(followThrough.selfMinusAutomatic()).isEqualTo(2.0);
    assertThat(followThrough.coach()).isNull();
    assertThat(calibration.selfForCohorts(List.of("another-cohort")).principles()).isEmpty();
    assertThat(calibration.selfForAuthor("author-3").criteria()).hasSize(2);
    assertThat(calibration.selfForAuthor("someone-else").principles()).isEmpty();
  }

  private void publishDrill(DrillRated event, long sequence) throws Exception {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            EventTopics.DRILL_EVENTS, event.drillId(), JSON.writeValueAsBytes(event));
    header(record, EventTopics.HEADER_EVENT_ID, UUID.randomUUID().toString());
    header(record, EventTopics.HEADER_EVENT_TYPE, "DrillRated");
    header(record, EventTopics.HEADER_AGGREGATE_ID, event.drillId());
    header(record, EventTopics.HEADER_SEQUENCE, Long.toString(sequence));
    header(record, EventTopics.HEADER_TIMESTAMP, Instant.now().toString());
    producer.send(record).get();
  }

  @Test
  void unreadableRecordsAreDeadLetteredAndTheStoriesAroundThemStillJudged() throws Exception {
    String storyId = UUID.randomUUID().toString();
    String neighbour = UUID.randomUUID().toString();
    long empty = send(storyRecord(storyId, "StoryDrafted", null, 0));
    long hollow = send(storyRecord(storyId, "StoryArchived", "{}".getBytes(UTF_8), 0));
    publish(drafted(storyId), 0);
    publish(drafted(neighbour), 0);

    assertThat(evaluationsOf(storyId, evaluations -> !evaluations.isEmpty()))
        .extracting(AutomaticEvaluation::revision)
        .containsExactly(1);
    assertThat(evaluationsOf(neighbour, evaluations -> !evaluations.isEmpty())).hasSize(1);
    List<DeadLetter> mine =
        deadLetters.list(1_000).stream()
            .filter(letter -> GROUP.equals(letter.consumerGroup()))
            .filter(letter -> storyId.equals(letter.key()))
            .toList();
    assertThat(mine)
        .extracting(DeadLetter::topic, DeadLetter::offset, DeadLetter::reason)
        .containsExactlyInAnyOrder(
            tuple(EventTopics.STORY_EVENTS, empty, "unreadable: empty record"),
            tuple(
                EventTopics.STORY_EVENTS,
                hollow,
                "unreadable: StoryArchived names aggregate null, its envelope " + storyId));
  }

  @Test
  void aDatabaseOutageIsWaitedOutNotDeadLettered() throws Exception {
    String storyId = UUID.randomUUID().toString();
    try (DatabaseOutage outage = DatabaseOutage.of(database, servers)) {
      publish(drafted(storyId), 0);
      // ten immediate tries would all have failed by now
      Thread.sleep(8_000);
      assertThat(evaluationsNow(storyId)).isEmpty();
    }
    assertThat(evaluationsOf(storyId, evaluations -> !evaluations.isEmpty()))
        .extracting(AutomaticEvaluation::revision)
        .containsExactly(1);
    assertThat(deadLetters.list(1_000))
        .noneMatch(letter -> GROUP.equals(letter.consumerGroup()) && storyId.equals(letter.key()));
  }

  private static StoryDrafted drafted(String storyId) {
    return new StoryDrafted(
        storyId, "author-4", "cohort-1", "T", List.of("ownership"), List.of(), Level.MID, STRONG);
  }

  private static EvaluationResult result(List<EvaluationResult.CriterionScore> criteria) {
    return new EvaluationResult("r", 70, Verdict.MIXED, true, criteria, List.of(), List.of(), "");
  }

  private void publish(StoryEvent event, long sequence) throws Exception {
    send(
        storyRecord(
            event.storyId(),
            event.getClass().getSimpleName(),
            JSON.writeValueAsBytes(event),
            sequence));
  }

  private long send(ProducerRecord<String, byte[]> record) throws Exception {
    return producer.send(record).get().offset();
  }

  private static ProducerRecord<String, byte[]> storyRecord(
      String storyId, String type, byte[] value, long sequence) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(EventTopics.STORY_EVENTS, storyId, value);
    header(record, EventTopics.HEADER_EVENT_ID, UUID.randomUUID().toString());
    header(record, EventTopics.HEADER_EVENT_TYPE, type);
    header(record, EventTopics.HEADER_AGGREGATE_ID, storyId);
    header(record, EventTopics.HEADER_SEQUENCE, Long.toString(sequence));
    header(record, EventTopics.HEADER_TIMESTAMP, Instant.now().toString());
    return record;
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Every evaluation sent for the story, once {@code done} holds and the service has consumed every
   * story event published so far: whatever it sent, a duplicate included, is then in the topic, and
   * the topic is read to its end.
   */
  private List<AutomaticEvaluation> evaluationsOf(
      String storyId, java.util.function.Predicate<List<AutomaticEvaluation>> done)
      throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> done.test(evaluationsNow(storyId)));
    awaitServiceConsumedAllStoryEvents();
    return evaluationsNow(storyId);
  }

  /** The evaluations of the story in the results topic now, read from its start to its end. */
  private List<AutomaticEvaluation> evaluationsNow(String storyId) throws Exception {
    List<AutomaticEvaluation> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(EventTopics.EVALUATION_RESULTS).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Instant deadline = Instant.now().plusSeconds(30);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        assertThat(Instant.now()).as("reading the results topic to its end").isBefore(deadline);
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (storyId.equals(record.key())) {
            found.add(JSON.readValue(record.value(), AutomaticEvaluation.class));
          }
        }
      }
    }
    return found;
  }

  /** Waits until the service's consumer group has committed the end of the story-events topic. */
  private void awaitServiceConsumedAllStoryEvents() throws Exception {
    try (Admin admin =
            Admin.create(
                Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrapServers()));
        KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(EventTopics.STORY_EVENTS).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
                return end.entrySet().stream()
                    .allMatch(
                        e ->
                            e.getValue() == 0
                                || (committed.get(e.getKey()) != null
                                    && committed.get(e.getKey()).offset() >= e.getValue()));
              });
    }
  }

  private KafkaConsumer<String, byte[]> consumer() {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrapServers());
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return new KafkaConsumer<>(properties);
  }
}
