package org.storybank.query.indexing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.storybank.api.Level;
import org.storybank.api.messaging.EventTopics;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryDrafted;
import org.storybank.api.story.StoryEvents.StoryRevised;
import org.storybank.infra.TestServers;
import org.storybank.messaging.deadletter.DeadLetter;
import org.storybank.messaging.deadletter.DeadLetterStore;
import org.storybank.query.StoryQueryApplication;
import org.storybank.query.indexing.ProjectionOverKafkaIntegrationTest.CommandSidePublisher;
import org.storybank.query.projection.StoryDocument;

/**
 * The projections when a record is poison or Elasticsearch refuses writes, on a real broker and a
 * real Elasticsearch node: a poison record goes to the dead-letter topic with its reason and holds
 * back neither its own partition nor the others; a read-only index holds the projection back until
 * it lifts, and then every event is applied and none dead-lettered.
 */
@SpringBootTest(
    classes = StoryQueryApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "storybank.kafka.retry.first-interval=100ms",
      "storybank.kafka.retry.max-interval=1s",
      "spring.jmx.enabled=false"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PoisonRecordsIntegrationTest {

  private static final String RUN = UUID.randomUUID().toString().toLowerCase(Locale.ROOT);
  private static final String INDEX_PREFIX = "it-poison-" + RUN;
  private static final String CONSUMER_GROUP = "story-query-poison-" + RUN;
  private static final Duration PROCESSING_LIMIT = Duration.ofSeconds(60);
  private static final StarText STAR =
      new StarText("Deploys failed.", "Nobody owned it.", "I added a gate.", "Fewer failures.");

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    TestServers servers = TestServers.shared();
    // revocations are read from PostgreSQL (a database the gateway never wrote holds none) and
    // the audit trail is written there
    registry.add("spring.datasource.url", servers::newDatabase);
    registry.add("spring.datasource.username", servers::postgresUser);
    registry.add("spring.datasource.password", servers::postgresPassword);
    registry.add("spring.kafka.bootstrap-servers", servers::kafkaBootstrapServers);
    registry.add("storybank.elasticsearch.url", servers::elasticsearchUrl);
    registry.add("storybank.elasticsearch.stories-index", () -> INDEX_PREFIX);
    registry.add("storybank.elasticsearch.evaluations-index", () -> INDEX_PREFIX + "-evaluations");
    registry.add("storybank.elasticsearch.memberships-index", () -> INDEX_PREFIX + "-memberships");
    registry.add("storybank.kafka.consumer-group", () -> CONSUMER_GROUP);
  }

  @Autowired StoriesIndex stories;
  @Autowired ElasticsearchClient elasticsearch;
  @Autowired MeterRegistry meters;

  private CommandSidePublisher publisher;
  private DeadLetterStore deadLetters;
  private Admin admin;

  @BeforeAll
  void connect() throws Exception {
    String bootstrap = TestServers.shared().kafkaBootstrapServers();
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    try {
      admin.createTopics(List.of(new NewTopic(EventTopics.STORY_EVENTS, 3, (short) 1))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
    publisher = new CommandSidePublisher(bootstrap);
    deadLetters = new DeadLetterStore(bootstrap);
  }

  @AfterAll
  void cleanUp() throws IOException {
    if (publisher != null) {
      publisher.close();
    }
    if (deadLetters != null) {
      deadLetters.close();
    }
    if (admin != null) {
      admin.close();
    }
    List<String> created =
        List.copyOf(
            elasticsearch.indices().get(get -> get.index(INDEX_PREFIX + "*")).indices().keySet());
    if (!created.isEmpty()) {
      elasticsearch.indices().delete(delete -> delete.index(created));
    }
  }

  @Test
  void poisonRecordsAreDeadLetteredAndHoldBackNeitherTheirPartitionNorTheOthers() throws Exception {
    String story = UUID.randomUUID().toString();
    String onPartitionOne = UUID.randomUUID().toString();
    String onPartitionTwo = UUID.randomUUID().toString();
    List<RecordMetadata> sent = new ArrayList<>();
    sent.add(send(0, publisher.story(drafted(story), 0)));
    RecordMetadata empty = send(0, poison(story, "StoryDrafted", null));
    RecordMetadata hollow = send(0, poison(story, "StoryArchived", "{}".getBytes(UTF_8)));
    sent.add(empty);
    sent.add(hollow);
    sent.add(send(0, publisher.story(revised(story, "After the poison"), 1)));
    sent.add(send(1, publisher.story(drafted(onPartitionOne), 0)));
    sent.add(send(2, publisher.story(drafted(onPartitionTwo), 0)));

    ProjectionOverKafkaIntegrationTest.awaitConsumed(admin, CONSUMER_GROUP, PROCESSING_LIMIT, sent);

    stories.refresh();
    assertThat(stories.get(story)).map(StoryDocument::title).contains("After the poison");
    assertThat(stories.get(onPartitionOne)).isPresent();
    assertThat(stories.get(onPartitionTwo)).isPresent();
    assertThat(deadLettersOf(story))
        .extracting(
            DeadLetter::topic, DeadLetter::partition, DeadLetter::offset, DeadLetter::reason)
        .containsExactlyInAnyOrder(
            tuple(EventTopics.STORY_EVENTS, 0, empty.offset(), "unreadable: empty record"),
            tuple(
                EventTopics.STORY_EVENTS,
                0,
                hollow.offset(),
                "unreadable: StoryArchived names aggregate null, its envelope " + story));
    assertThat(deadLettersOf(story))
        .filteredOn(letter -> letter.offset() == hollow.offset())
        .extracting(DeadLetter::eventType, DeadLetter::value)
        .containsExactly(tuple("StoryArchived", "{}"));
    assertThat(deadLettered()).isGreaterThanOrEqualTo(2);

    // a retry sends the record back to its topic, where the consumer reads it again
    String hollowId =
        deadLettersOf(story).stream()
            .filter(letter -> letter.offset() == hollow.offset())
            .findFirst()
            .orElseThrow()
            .id();
    RecordMetadata again = deadLetters.retry(hollowId).orElseThrow();
    assertThat(again.topic()).isEqualTo(EventTopics.STORY_EVENTS);
    await()
        .atMost(PROCESSING_LIMIT)
        .untilAsserted(
            () ->
                assertThat(deadLettersOf(story))
                    .extracting(DeadLetter::offset)
                    .contains(again.offset()));
    assertThat(deadLetters.retry(hollowId.replaceAll("-\\d+$", "-999999999"))).isEmpty();
  }

  @Test
  void aReadOnlyIndexHoldsTheProjectionBackUntilItLiftsAndNothingIsLostOrDeadLettered()
      throws Exception {
    String before = UUID.randomUUID().toString();
    ProjectionOverKafkaIntegrationTest.awaitConsumed(
        admin,
        CONSUMER_GROUP,
        PROCESSING_LIMIT,
        List.of(send(0, publisher.story(drafted(before), 0))));
    double deadLetteredBefore = deadLettered();
    List<String> written = new ArrayList<>(List.of(before));

    for (String block : List.of("index.blocks.write", "index.blocks.read_only_allow_delete")) {
      String during = UUID.randomUUID().toString();
      written.add(during);
      setBlock(block, true);
      List<RecordMetadata> sent = new ArrayList<>();
      try {
        sent.add(send(0, publisher.story(revised(before, "Revised under " + block), 1)));
        sent.add(send(1, publisher.story(drafted(during), 0)));
        // well past several retries with the back-off capped at 1 s
        Thread.sleep(6_000);
        stories.refresh();
        assertThat(stories.get(during)).as("written through " + block).isEmpty();
      } finally {
        setBlock(block, false);
      }
      ProjectionOverKafkaIntegrationTest.awaitConsumed(
          admin, CONSUMER_GROUP, PROCESSING_LIMIT, sent);
      stories.refresh();
      assertThat(stories.get(during)).isPresent();
      assertThat(stories.get(before)).map(StoryDocument::title).contains("Revised under " + block);
      // a revision applies once: the next block revises a story of its own
      before = freshIndexedStory();
      written.add(before);
    }
    assertThat(written).allSatisfy(storyId -> assertThat(deadLettersOf(storyId)).isEmpty());
    assertThat(deadLettered()).isEqualTo(deadLetteredBefore);
  }

  private String freshIndexedStory() throws Exception {
    String next = UUID.randomUUID().toString();
    ProjectionOverKafkaIntegrationTest.awaitConsumed(
        admin,
        CONSUMER_GROUP,
        PROCESSING_LIMIT,
        List.of(send(0, publisher.story(drafted(next), 0))));
    return next;
  }

  private void setBlock(String block, boolean on) throws IOException {
    elasticsearch
        .indices()
        .putSettings(
            settings ->
                settings
                    .index(stories.name())
                    .settings(
                        s -> s.otherSettings(block, co.elastic.clients.json.JsonData.of(on))));
  }

  private List<DeadLetter> deadLettersOf(String key) {
    return deadLetters.list(1_000).stream()
        .filter(letter -> CONSUMER_GROUP.equals(letter.consumerGroup()))
        .filter(letter -> key.equals(letter.key()))
        .toList();
  }

  private double deadLettered() {
    Counter counter =
        meters
            .find("storybank.kafka.dead.letters")
            .tag("topic", EventTopics.STORY_EVENTS)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private RecordMetadata send(int partition, ProducerRecord<String, byte[]> record)
      throws Exception {
    return publisher.send(
        new ProducerRecord<>(
            record.topic(), partition, record.key(), record.value(), record.headers()));
  }

  /** A record as the publisher writes one, with a value no reader can make an event of. */
  private ProducerRecord<String, byte[]> poison(String storyId, String type, byte[] value) {
    ProducerRecord<String, byte[]> template = publisher.story(drafted(storyId), 7);
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(template.topic(), storyId, value);
    template
        .headers()
        .forEach(
            header ->
                record
                    .headers()
                    .add(
                        header.key(),
                        header.key().equals(EventTopics.HEADER_EVENT_TYPE)
                            ? type.getBytes(UTF_8)
                            : header.value()));
    return record;
  }

  private static StoryDrafted drafted(String storyId) {
    return new StoryDrafted(
        storyId,
        "candidate-" + RUN,
        "cohort-" + RUN,
        "The deploy nobody owned",
        List.of("ownership"),
        List.of(),
        Level.MID,
        STAR);
  }

  private static StoryRevised revised(String storyId, String title) {
    return new StoryRevised(storyId, "candidate-" + RUN, 2, title, Level.MID, STAR);
  }
}
