package org.storybank.query.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.storybank.api.Level;
import org.storybank.api.cohort.CohortEvent;
import org.storybank.api.cohort.CohortEvents.CandidateEnrolled;
import org.storybank.api.cohort.CohortEvents.CandidateRemoved;
import org.storybank.api.cohort.CohortEvents.CoachAssigned;
import org.storybank.api.cohort.CohortEvents.CohortCreated;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.Evaluator;
import org.storybank.api.evaluation.Verdict;
import org.storybank.api.loop.LoopEvent;
import org.storybank.api.messaging.EventTopics;
import org.storybank.api.messaging.EventTypes;
import org.storybank.api.story.PromptLink;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryDrafted;
import org.storybank.api.story.StoryEvent;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;
import org.storybank.api.story.StoryEvents.StoryRevised;
import org.storybank.infra.TestServers;
import org.storybank.query.StoryQueryApplication;
import org.storybank.query.projection.StoryDocument;

/**
 * The query service as it runs: events arrive over a real Kafka broker exactly as the command
 * side's publisher writes them (key, headers, JSON), are projected into a real Elasticsearch node,
 * and are read back through the HTTP API with real signed tokens. Duplicates and late events change
 * nothing; candidates and cohorts never see each other's stories.
 *
 * <p>Waiting is bounded and precise: a test waits until the service's consumer group has committed
 * the offsets of the records it sent (the listener commits only after the write), then refreshes
 * the index and asserts once.
 */
@SpringBootTest(
    classes = StoryQueryApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProjectionOverKafkaIntegrationTest {

  private static final String RUN = UUID.randomUUID().toString().toLowerCase(Locale.ROOT);
  private static final String INDEX_PREFIX = "it-kafka-" + RUN;
  private static final String CONSUMER_GROUP = "story-query-it-" + RUN;
  private static final String ISSUER = "storybank-test-gateway";
  private static final String AUDIENCE = "storybank-api";
  private static final Duration PROCESSING_LIMIT = Duration.ofSeconds(20);
  private static final String QUESTION = "flaky deploy checksum";

  private static final Tokens TOKENS = new Tokens();

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
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TOKENS::jwksUrl);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
    registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
    registry.add("spring.jmx.enabled", () -> "false");
  }

  @LocalServerPort int port;
  @Autowired StoriesIndex stories;
  @Autowired EvaluationsIndex evaluations;
  @Autowired ElasticsearchClient elasticsearch;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private CommandSidePublisher publisher;
  private Admin admin;

  @BeforeAll
  void connect() throws Exception {
    String bootstrap = TestServers.shared().kafkaBootstrapServers();
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    // the command side creates these with 3 partitions; here nobody else may have yet
    for (String topic : List.of(EventTopics.STORY_EVENTS, EventTopics.COHORT_EVENTS)) {
      try {
        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
    publisher = new CommandSidePublisher(bootstrap);
  }

  @AfterAll
  void cleanUp() throws IOException {
    if (publisher != null) {
      publisher.close();
    }
    if (admin != null) {
      admin.close();
    }
    TOKENS.close();
    List<String> created =
        List.copyOf(
            elasticsearch.indices().get(get -> get.index(INDEX_PREFIX + "*")).indices().keySet());
    if (!created.isEmpty()) {
      elasticsearch.indices().delete(delete -> delete.index(created));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // duplicates

  @Test
  void duplicatedAndReplayedEventsLeaveTheDocumentAsOneDeliveryDid() throws Exception {
    String storyId = UUID.randomUUID().toString();
    String author = "candidate-" + UUID.randomUUID();
    String cohort = "cohort-" + UUID.randomUUID();
    String evaluationId = "evaluation-" + UUID.randomUUID();
    var drafted =
        publisher.story(
            new StoryDrafted(
                storyId,
                author,
                cohort,
                "The deploy nobody owned",
                List.of("ownership"),
                List.of(new PromptLink("p1", "Tell me about a time you owned a problem", "")),
                Level.MID,
                star("Deploys failed often.", "Nobody owned it.", "I added a gate.", "Fewer.")),
            0);
    var revised =
        publisher.story(
            new StoryRevised(
                storyId,
                author,
                2,
                "The deploy gate I put in place",
                Level.SENIOR,
                star(
                    "Deploys failed one time in five.",
                    "The pipeline had no owner after a reorganisation.",
                    "I traced the failures to an upload race and added a checksum gate.",
                    "Failed deploys fell from 20% to under 1%.")),
            1);
    var evaluated =
        publisher.story(
            new EvaluationRecorded(
                storyId,
                "evaluation-service",
                evaluationId,
                Evaluator.automatic("evaluation-service"),
                2,
                result(72, Verdict.MIXED, "no-follow-through")),
            2);

    // every record delivered twice in a row, as after a producer retry
    List<RecordMetadata> sent = new ArrayList<>();
    for (var record : List.of(drafted, revised, evaluated)) {
      sent.add(publisher.send(record));
      sent.add(publisher.send(record));
    }
    awaitConsumed(sent);

    StoryDocument once = stories.get(storyId).orElseThrow();
    assertThat(once.version()).isEqualTo(2);
    assertThat(once.revision()).isEqualTo(2);
    assertThat(once.title()).isEqualTo("The deploy gate I put in place");
    assertThat(once.level()).isEqualTo("senior");
    assertThat(once.latestAutomatic()).isNotNull();
    assertThat(once.latestAutomatic().evaluationId()).isEqualTo(evaluationId);
    assertThat(once.pitfalls()).containsExactly("no-follow-through");
    assertThat(elasticsearchVersionOf(storyId)).isEqualTo(2);
    assertThat(evaluationIdsOf(storyId)).containsExactly(evaluationId);

    // the whole stream replayed (publisher restarted from an old token), then the first event
    // once more on its own, long after the newer ones
    List<RecordMetadata> replayed = new ArrayList<>();
    for (var record : List.of(drafted, revised, evaluated, drafted)) {
      replayed.add(publisher.send(record));
    }
    awaitConsumed(replayed);

    StoryDocument afterReplay = stories.get(storyId).orElseThrow();
    assertThat(afterReplay.withVectors(null))
        .as("every field as after one delivery")
        .isEqualTo(once.withVectors(null));
    assertThat(afterReplay.vectors().source()).isEqualTo(once.vectors().source());
    assertThat(elasticsearchVersionOf(storyId)).as("no write at all").isEqualTo(2);
    assertThat(evaluationIdsOf(storyId)).containsExactly(evaluationId);
  }

  // ---------------------------------------------------------------------------------------------
  // out of order

  @Test
  void aLateOlderRevisionDoesNotOverwriteTheNewerOne() throws Exception {
    String storyId = UUID.randomUUID().toString();
    String author = "candidate-" + UUID.randomUUID();
    List<RecordMetadata> sent = new ArrayList<>();
    sent.add(publisher.send(publisher.story(drafted(storyId, author, null, "First draft"), 0)));
    sent.add(
        publisher.send(
            publisher.story(
                new StoryRevised(
                    storyId,
                    author,
                    3,
                    "Third revision",
                    Level.STAFF,
                    star("s3", "t3", "a3 checksum", "r3")),
                2)));
    sent.add(
        publisher.send(
            publisher.story(
                new StoryRevised(
                    storyId,
                    author,
                    2,
                    "Second revision arriving late",
                    Level.MID,
                    star("s2", "t2", "a2", "r2")),
                1)));
    awaitConsumed(sent);

    StoryDocument stored = stories.get(storyId).orElseThrow();
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.revision()).isEqualTo(3);
    assertThat(stored.title()).isEqualTo("Third revision");
    assertThat(stored.level()).isEqualTo("staff");
    assertThat(stored.action()).isEqualTo("a3 checksum");
    assertThat(elasticsearchVersionOf(storyId)).isEqualTo(2);
  }

  /**
   * By design ({@code StoryProjection.Outcome.MissingStory}) an event for a story the index does
   * not hold writes nothing: there is no document to change, and a document made from a revision
   * alone would have no author and so no scope. The draft arriving afterwards is indexed as
   * drafted; the revision stays missing until a reindex repairs it.
   */
  @Test
  void aRevisionBeforeTheDraftWritesNothingAndTheDraftIsIndexedAsDrafted() throws Exception {
    String storyId = UUID.randomUUID().toString();
    String author = "candidate-" + UUID.randomUUID();
    RecordMetadata early =
        publisher.send(
            publisher.story(
                new StoryRevised(
                    storyId, author, 2, "Revision first", Level.SENIOR, star("s", "t", "a", "r")),
                1));
    awaitConsumed(List.of(early));
    assertThat(stories.get(storyId)).as("nothing to revise, nothing written").isEmpty();

    RecordMetadata draft =
        publisher.send(publisher.story(drafted(storyId, author, null, "Drafted after all"), 0));
    awaitConsumed(List.of(draft));

    StoryDocument stored = stories.get(storyId).orElseThrow();
    assertThat(stored.version()).isZero();
    assertThat(stored.revision()).isEqualTo(1);
    assertThat(stored.title()).isEqualTo("Drafted after all");
    assertThat(stored.level()).isEqualTo("mid");
    assertThat(stored.authorId()).isEqualTo(author);
  }

  // ---------------------------------------------------------------------------------------------
  // scope

  @Test
  void candidatesAndCohortsNeverSeeEachOthersStories() throws Exception {
    String cohort1 = "cohort-" + UUID.randomUUID();
    String cohort2 = "cohort-" + UUID.randomUUID();
    String coach1 = "coach-" + UUID.randomUUID();
    String coach2 = "coach-" + UUID.randomUUID();
    String alice = "candidate-" + UUID.randomUUID();
    String bob = "candidate-" + UUID.randomUUID();
    List<RecordMetadata> sent = new ArrayList<>();
    sent.addAll(cohortWith(cohort1, coach1, alice));
    sent.addAll(cohortWith(cohort2, coach2, bob));
    String alice1 = UUID.randomUUID().toString();
    String alice2 = UUID.randomUUID().toString();
    String bob1 = UUID.randomUUID().toString();
    String bob2 = UUID.randomUUID().toString();
    sent.add(publisher.send(publisher.story(drafted(alice1, alice, cohort1, "Alice one"), 0)));
    sent.add(publisher.send(publisher.story(drafted(alice2, alice, cohort1, "Alice two"), 0)));
    sent.add(publisher.send(publisher.story(drafted(bob1, bob, cohort2, "Bob one"), 0)));
    sent.add(publisher.send(publisher.story(drafted(bob2, bob, cohort2, "Bob two"), 0)));
    sent.add(publisher.send(publisher.story(automaticEvaluation(alice1, "no-follow-through"), 1)));
    sent.add(publisher.send(publisher.story(automaticEvaluation(bob1, "martyrdom"), 1)));
    awaitConsumed(sent);
    stories.refresh();

    String asAlice = TOKENS.candidate(alice, cohort1);
    String asBob = TOKENS.candidate(bob, cohort2);
    String asCoach1 = TOKENS.coach(coach1, cohort1);
    String asCoach2 = TOKENS.coach(coach2, cohort2);

    // the same question matches every one of the four stories, each for its own reader
    assertThat(searchIds(asAlice, Map.of())).containsExactlyInAnyOrder(alice1, alice2);
    assertThat(searchIds(asBob, Map.of())).containsExactlyInAnyOrder(bob1, bob2);
    assertThat(searchIds(asCoach1, Map.of())).containsExactlyInAnyOrder(alice1, alice2);
    assertThat(searchIds(asCoach2, Map.of())).containsExactlyInAnyOrder(bob1, bob2);

    // a filter for someone else's id narrows to nothing, never widens
    JsonNode aliceForBob = search(asAlice, Map.of("candidateId", bob));
    assertThat(aliceForBob.path("total").asLong()).isZero();
    assertThat(aliceForBob.path("hits")).isEmpty();
    JsonNode coach1ForCohort2 = search(asCoach1, Map.of("cohortId", cohort2));
    assertThat(coach1ForCohort2.path("total").asLong()).isZero();
    assertThat(coach1ForCohort2.path("hits")).isEmpty();
    assertThat(searchIds(asCoach1, Map.of("candidateId", bob))).isEmpty();
    assertThat(searchIds(asCoach1, Map.of("cohortId", cohort1)))
        .containsExactlyInAnyOrder(alice1, alice2);

    // coverage: the candidate and their coach, nobody else (404, like an unknown id)
    assertThat(get(asAlice, "/api/candidates/" + alice + "/coverage").statusCode()).isEqualTo(200);
    assertThat(get(asCoach1, "/api/candidates/" + alice + "/coverage").statusCode()).isEqualTo(200);
    HttpResponse<String> aliceReadsBob = get(asAlice, "/api/candidates/" + bob + "/coverage");
    assertThat(aliceReadsBob.statusCode()).isEqualTo(404);
    assertThat(aliceReadsBob.body()).doesNotContain(bob1).doesNotContain(bob2);
    assertThat(get(asCoach1, "/api/candidates/" + bob + "/coverage").statusCode()).isEqualTo(404);

    // analytics: a coach's own cohort only, and only its stories' pitfalls
    HttpResponse<String> ownPitfalls =
        get(asCoach1, "/api/analytics/cohorts/" + cohort1 + "/pitfalls");
    assertThat(ownPitfalls.statusCode()).isEqualTo(200);
    assertThat(pitfallIds(ownPitfalls)).containsExactly("no-follow-through");
    HttpResponse<String> otherPitfalls =
        get(asCoach1, "/api/analytics/cohorts/" + cohort2 + "/pitfalls");
    assertThat(otherPitfalls.statusCode()).isEqualTo(404);
    assertThat(otherPitfalls.body()).doesNotContain("martyrdom");
    assertThat(get(asAlice, "/api/analytics/cohorts/" + cohort1 + "/pitfalls").statusCode())
        .as("a candidate is no coach")
        .isEqualTo(404);

    assertThat(get(null, "/api/search/stories?q=deploy").statusCode()).isEqualTo(401);
  }

  @Test
  void aRemovedCandidatesStoriesLeaveTheirFormerCoachsSearch() throws Exception {
    String cohort = "cohort-" + UUID.randomUUID();
    String coach = "coach-" + UUID.randomUUID();
    String leaving = "candidate-" + UUID.randomUUID();
    String staying = "candidate-" + UUID.randomUUID();
    List<RecordMetadata> sent = new ArrayList<>(cohortWith(cohort, coach, leaving, staying));
    String leavingStory = UUID.randomUUID().toString();
    String stayingStory = UUID.randomUUID().toString();
    sent.add(
        publisher.send(publisher.story(drafted(leavingStory, leaving, cohort, "Leaving one"), 0)));
    sent.add(
        publisher.send(publisher.story(drafted(stayingStory, staying, cohort, "Staying one"), 0)));
    awaitConsumed(sent);
    stories.refresh();

    String asCoach = TOKENS.coach(coach, cohort);
    String asLeaving = TOKENS.candidate(leaving, cohort);
    assertThat(searchIds(asCoach, Map.of())).containsExactlyInAnyOrder(leavingStory, stayingStory);
    assertThat(get(asCoach, "/api/candidates/" + leaving + "/coverage").statusCode())
        .isEqualTo(200);

    // cohort sequence: created 0, coach 1, enrolments 2 and 3, removal 4
    RecordMetadata removal =
        publisher.send(publisher.cohort(new CandidateRemoved(cohort, coach, leaving), 4));
    awaitConsumed(List.of(removal));
    // a story drafted just before the removal, whose event arrives after it
    String draftedBeforeLeaving = UUID.randomUUID().toString();
    RecordMetadata late =
        publisher.send(
            publisher.story(drafted(draftedBeforeLeaving, leaving, cohort, "Leaving two"), 0));
    awaitConsumed(List.of(late));
    stories.refresh();

    assertThat(searchIds(asCoach, Map.of())).containsExactly(stayingStory);
    assertThat(searchIds(asCoach, Map.of("candidateId", leaving))).isEmpty();
    assertThat(get(asCoach, "/api/candidates/" + leaving + "/coverage").statusCode())
        .isEqualTo(404);
    assertThat(get(asCoach, "/api/candidates/" + staying + "/coverage").statusCode())
        .isEqualTo(200);
    // they keep their stories (their new token names no cohort)
    assertThat(searchIds(TOKENS.candidate(leaving, null), Map.of()))
        .containsExactlyInAnyOrder(leavingStory, draftedBeforeLeaving);
    assertThat(stories.get(leavingStory).orElseThrow().cohortId()).isNull();
    assertThat(stories.get(draftedBeforeLeaving).orElseThrow().cohortId()).isNull();
    assertThat(stories.get(stayingStory).orElseThrow().cohortId()).isEqualTo(cohort);
    // the removed candidate's earlier token still names the cohort: it shows their own stories,
    // never the cohort's
    assertThat(searchIds(asLeaving, Map.of()))
        .containsExactlyInAnyOrder(leavingStory, draftedBeforeLeaving);
    assertThat(searchIds(asLeaving, Map.of("candidateId", staying))).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // cohort events repeated or out of order across cohorts

  /**
   * A repeated enrolment delivered after the removal is older than what the memberships index
   * holds: it must not put the removed candidate's stories back into the former coach's search (it
   * did, when stories followed the event instead of the memberships).
   */
  @Test
  void aRepeatedEnrolmentAfterTheRemovalDoesNotBringTheStoriesBack() throws Exception {
    String cohort = "cohort-" + UUID.randomUUID();
    String coach = "coach-" + UUID.randomUUID();
    String leaving = "candidate-" + UUID.randomUUID();
    List<RecordMetadata> sent = new ArrayList<>();
    sent.add(publisher.send(publisher.cohort(new CohortCreated(cohort, "admin", cohort), 0)));
    sent.add(publisher.send(publisher.cohort(new CoachAssigned(cohort, "admin", coach, null), 1)));
    var enrolment =
        publisher.cohort(
            new CandidateEnrolled(cohort, leaving, "invitation-" + UUID.randomUUID()), 2);
    sent.add(publisher.send(enrolment));
    String story = UUID.randomUUID().toString();
    sent.add(publisher.send(publisher.story(drafted(story, leaving, cohort, "Leaving one"), 0)));
    awaitConsumed(sent);
    awaitConsumed(
        List.of(publisher.send(publisher.cohort(new CandidateRemoved(cohort, coach, leaving), 3))));

    awaitConsumed(List.of(publisher.send(enrolment)));
    stories.refresh();

    String asCoach = TOKENS.coach(coach, cohort);
    assertThat(get(asCoach, "/api/candidates/" + leaving + "/coverage").statusCode())
        .isEqualTo(404);
    assertThat(stories.get(story).orElseThrow().cohortId()).isNull();
    assertThat(searchIds(asCoach, Map.of())).isEmpty();
  }

  /**
   * Cohort events are keyed by cohort, so a candidate's enrolment in their new cohort may be
   * consumed before their old cohort's enrolment and removal (another partition; a new consumer
   * group reading from the start does this readily). The stories must still end in the new cohort.
   */
  @Test
  void aCandidateMovingCohortsEndsInTheNewOneWhateverThePartitionsOrder() throws Exception {
    String oldCohort = "cohort-" + UUID.randomUUID();
    String newCohort = "cohort-" + UUID.randomUUID();
    String newCoach = "coach-" + UUID.randomUUID();
    String mover = "candidate-" + UUID.randomUUID();
    String story = UUID.randomUUID().toString();
    awaitConsumed(
        List.of(publisher.send(publisher.story(drafted(story, mover, oldCohort, "Mover"), 0))));
    // in the event store: enrolled in the old cohort, removed from it, enrolled in the new one;
    // consumed with the new cohort's partition first
    awaitConsumed(
        List.of(
            publisher.send(publisher.cohort(new CandidateEnrolled(newCohort, mover, "i2"), 2))));
    awaitConsumed(
        List.of(
            publisher.send(publisher.cohort(new CandidateEnrolled(oldCohort, mover, "i1"), 2))));
    awaitConsumed(
        List.of(
            publisher.send(publisher.cohort(new CandidateRemoved(oldCohort, "coach", mover), 3))));
    stories.refresh();

    String asNewCoach = TOKENS.coach(newCoach, newCohort);
    assertThat(get(asNewCoach, "/api/candidates/" + mover + "/coverage").statusCode())
        .isEqualTo(200);
    assertThat(stories.get(story).orElseThrow().cohortId()).isEqualTo(newCohort);
    assertThat(searchIds(asNewCoach, Map.of())).containsExactly(story);
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  /** A cohort's first events as the Cohort aggregate writes them, then one enrolment each. */
  private List<RecordMetadata> cohortWith(String cohortId, String coachId, String... candidates)
      throws Exception {
    List<RecordMetadata> sent = new ArrayList<>();
    sent.add(publisher.send(publisher.cohort(new CohortCreated(cohortId, "admin", cohortId), 0)));
    sent.add(
        publisher.send(publisher.cohort(new CoachAssigned(cohortId, "admin", coachId, null), 1)));
    long sequence = 2;
    for (String candidate : candidates) {
      sent.add(
          publisher.send(
              publisher.cohort(
                  new CandidateEnrolled(cohortId, candidate, "invitation-" + UUID.randomUUID()),
                  sequence++)));
    }
    return sent;
  }

  private static StoryDrafted drafted(String storyId, String author, String cohort, String title) {
    return new StoryDrafted(
        storyId,
        author,
        cohort,
        title,
        List.of("ownership"),
        List.of(new PromptLink("p1", "Tell me about a time you fixed something broken", "")),
        Level.MID,
        star(
            "Deploys were flaky and failed one time in five.",
            "Nobody owned the deploy pipeline.",
            "I added a checksum gate to the artifact upload.",
            "Failed deploys fell from 20% to under 1%."));
  }

  private static EvaluationRecorded automaticEvaluation(String storyId, String pitfall) {
    return new EvaluationRecorded(
        storyId,
        "evaluation-service",
        "evaluation-" + UUID.randomUUID(),
        Evaluator.automatic("evaluation-service"),
        1,
        result(55, Verdict.MIXED, pitfall));
  }

  private static EvaluationResult result(int score, Verdict verdict, String pitfall) {
    return new EvaluationResult(
        "2026.11-test",
        score,
        verdict,
        score >= 60,
        List.of(new EvaluationResult.CriterionScore("owns-the-outcome", 3, "I traced")),
        List.of(new EvaluationResult.PitfallFinding(pitfall, "the result")),
        List.of(new EvaluationResult.ResultMetric("percent", 20, "20%")),
        "");
  }

  private static StarText star(String situation, String task, String action, String result) {
    return new StarText(situation, task, action, result);
  }

  /**
   * Waits until the service's consumer group has committed past every record sent: the listener
   * commits only after the record's write to Elasticsearch was acknowledged.
   */
  private void awaitConsumed(List<RecordMetadata> sent) {
    awaitConsumed(admin, CONSUMER_GROUP, PROCESSING_LIMIT, sent);
  }

  static void awaitConsumed(
      Admin admin, String consumerGroup, Duration limit, List<RecordMetadata> sent) {
    Map<TopicPartition, Long> last = new HashMap<>();
    for (RecordMetadata record : sent) {
      last.merge(
          new TopicPartition(record.topic(), record.partition()), record.offset(), Math::max);
    }
    await()
        .atMost(limit)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              Map<TopicPartition, OffsetAndMetadata> committed =
                  admin
                      .listConsumerGroupOffsets(consumerGroup)
                      .partitionsToOffsetAndMetadata()
                      .get();
              return last.entrySet().stream()
                  .allMatch(
                      entry -> {
                        OffsetAndMetadata offset = committed.get(entry.getKey());
                        return offset != null && offset.offset() > entry.getValue();
                      });
            });
  }

  private long elasticsearchVersionOf(String storyId) throws IOException {
    return elasticsearch
        .get(get -> get.index(stories.name()).id(storyId), StoryDocument.class)
        .version();
  }

  private List<String> evaluationIdsOf(String storyId) throws IOException {
    elasticsearch.indices().refresh(refresh -> refresh.index(evaluations.name()));
    return elasticsearch
        .search(
            search ->
                search
                    .index(evaluations.name())
                    .query(q -> q.term(t -> t.field("storyId").value(storyId))),
            JsonNode.class)
        .hits()
        .hits()
        .stream()
        .map(hit -> hit.id())
        .toList();
  }

  private JsonNode search(String token, Map<String, String> filters) throws Exception {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("q", QUESTION);
    params.putAll(filters);
    String query =
        params.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> response = get(token, "/api/search/stories?" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private List<String> searchIds(String token, Map<String, String> filters) throws Exception {
    JsonNode result = search(token, filters);
    List<String> ids =
        StreamSupport.stream(result.path("hits").spliterator(), false)
            .map(hit -> hit.path("storyId").asText())
            .toList();
    assertThat(result.path("total").asLong()).as("total of %s", ids).isEqualTo(ids.size());
    return ids;
  }

  private Set<String> pitfallIds(HttpResponse<String> response) throws IOException {
    return StreamSupport.stream(json.readTree(response.body()).spliterator(), false)
        .map(trend -> trend.path("pitfall").asText())
        .collect(Collectors.toSet());
  }

  private HttpResponse<String> get(String token, String path) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Publishes events the way story-command's {@code EventPublisher} does: the aggregate type's
   * topic, keyed by aggregate id, the event as JSON (the application's Jackson defaults) and the
   * envelope in headers. A record can be sent again unchanged, as a redelivery would.
   */
  static final class CommandSidePublisher implements AutoCloseable {

    private static final EventTypes<StoryEvent> STORY_TYPES = EventTypes.of(StoryEvent.class);
    private static final EventTypes<CohortEvent> COHORT_TYPES = EventTypes.of(CohortEvent.class);
    private static final EventTypes<LoopEvent> LOOP_TYPES = EventTypes.of(LoopEvent.class);

    private final ObjectMapper json =
        new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final KafkaProducer<String, byte[]> producer;

    CommandSidePublisher(String bootstrapServers) {
      Properties properties = new Properties();
      properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
      properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
      properties.put(ProducerConfig.ACKS_CONFIG, "all");
      properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      producer = new KafkaProducer<>(properties);
    }

    ProducerRecord<String, byte[]> story(StoryEvent event, long sequence) {
      return record(
          EventTopics.STORY_EVENTS,
          event.storyId(),
          STORY_TYPES.nameOf(event.getClass()),
          event,
          sequence);
    }

    ProducerRecord<String, byte[]> cohort(CohortEvent event, long sequence) {
      return record(
          EventTopics.COHORT_EVENTS,
          event.cohortId(),
          COHORT_TYPES.nameOf(event.getClass()),
          event,
          sequence);
    }

    ProducerRecord<String, byte[]> loop(LoopEvent event, long sequence) {
      return record(
          EventTopics.LOOP_EVENTS,
          event.loopId(),
          LOOP_TYPES.nameOf(event.getClass()),
          event,
          sequence);
    }

    RecordMetadata send(ProducerRecord<String, byte[]> record) throws Exception {
      return producer.send(record).get();
    }

    private ProducerRecord<String, byte[]> record(
        String topic, String aggregateId, String type, Object event, long sequence) {
      ProducerRecord<String, byte[]> record;
      try {
        record = new ProducerRecord<>(topic, aggregateId, json.writeValueAsBytes(event));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      header(record, EventTopics.HEADER_EVENT_ID, UUID.randomUUID().toString());
      header(record, EventTopics.HEADER_EVENT_TYPE, type);
      header(record, EventTopics.HEADER_AGGREGATE_ID, aggregateId);
      header(record, EventTopics.HEADER_SEQUENCE, Long.toString(sequence));
      header(record, EventTopics.HEADER_TIMESTAMP, Instant.now().toString());
      return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
      record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
      producer.close();
    }
  }

  /**
   * Signs access tokens as the gateway does (RS256, subject, role, cohorts, issuer, audience) and
   * publishes the key's JWK set over HTTP, so the service validates them with its own decoder.
   */
  static final class Tokens implements AutoCloseable {

    private final RSAKey key;
    private final HttpServer jwks;

    Tokens() {
      try {
        key = new RSAKeyGenerator(2048).keyID("it-" + UUID.randomUUID()).generate();
        byte[] published =
            new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext(
            "/oauth2/jwks",
            exchange -> {
              exchange.getResponseHeaders().add("Content-Type", "application/json");
              exchange.sendResponseHeaders(200, published.length);
              exchange.getResponseBody().write(published);
              exchange.close();
            });
        jwks.start();
      } catch (Exception e) {
        throw new IllegalStateException("cannot set up test tokens", e);
      }
    }

    String jwksUrl() {
      return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/oauth2/jwks";
    }

    String candidate(String userId, String cohortId) {
      return token(userId, "candidate", cohortId);
    }

    String coach(String userId, String cohortId) {
      return token(userId, "coach", cohortId);
    }

    private String token(String userId, String role, String cohortId) {
      Instant now = Instant.now();
      JwtClaimsSet claims =
          JwtClaimsSet.builder()
              .issuer(ISSUER)
              .audience(List.of(AUDIENCE))
              .subject(userId)
              .issuedAt(now)
              .expiresAt(now.plusSeconds(600))
              .claim("role", role)
              .claim("cohorts", cohortId == null ? List.of() : List.of(cohortId))
              .build();
      return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
          .encode(
              JwtEncoderParameters.from(
                  JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build(), claims))
          .getTokenValue();
    }

    @Override
    public void close() {
      jwks.stop(0);
    }
  }
}
