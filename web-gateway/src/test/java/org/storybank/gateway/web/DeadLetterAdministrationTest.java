package org.storybank.gateway.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.storybank.api.messaging.EventTopics;
import org.storybank.infra.TestServers;

/**
 * The admin's dead letters over HTTP, with the gateway's own cohort-events consumer running on a
 * real broker: a cohort event it cannot read is listed with its reason, a retry sends it back to
 * its topic (where it fails again and comes back as a new dead letter), and nobody but an admin
 * reads or retries them.
 */
class DeadLetterAdministrationTest extends GatewayOverHttp {

  private static final String GROUP = "web-gateway-it-" + UUID.randomUUID();

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", TestServers.shared()::kafkaBootstrapServers);
    registry.add("spring.kafka.listener.auto-startup", () -> "true");
    registry.add("spring.kafka.consumer.group-id", () -> GROUP);
  }

  @Test
  void anAdminListsWhatTheConsumerCouldNotReadAndRetriesIt() throws Exception {
    String cohortId = "cohort-" + UUID.randomUUID();
    publishUnreadableCohortEvent(cohortId);
    String admin = accessToken("admin@demo.storybank");

    JsonNode letter =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> letterOf(admin, cohortId), l -> l != null);
    assertThat(letter.get("topic").asText()).isEqualTo(EventTopics.COHORT_EVENTS);
    assertThat(letter.get("consumerGroup").asText()).isEqualTo(GROUP);
    assertThat(letter.get("eventType").asText()).isEqualTo("CohortCreated");
    assertThat(letter.get("reason").asText()).startsWith("unreadable: unreadable CohortCreated");
    assertThat(letter.get("value").asText()).isEqualTo("{not json");

    ResponseEntity<JsonNode> retried =
        exchange(
            HttpMethod.POST,
            "/api/admin/dead-letters/" + letter.get("id").asText() + "/retry",
            admin);
    assertThat(retried.getStatusCode().value()).isEqualTo(202);
    assertThat(retried.getBody().get("topic").asText()).isEqualTo(EventTopics.COHORT_EVENTS);
    long resentAt = retried.getBody().get("offset").asLong();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                lettersOf(admin, cohortId).stream()
                    .anyMatch(l -> l.get("offset").asLong() == resentAt));

    assertThat(
            exchange(
                    HttpMethod.POST,
                    "/api/admin/dead-letters/storybank.cohort-events.dlt-0-99999999/retry",
                    admin)
                .getStatusCode()
                .value())
        .isEqualTo(404);
    ResponseEntity<JsonNode> malformed =
        exchange(HttpMethod.POST, "/api/admin/dead-letters/not-an-id/retry", admin);
    assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    assertThat(malformed.getBody().get("parameter").asText()).isEqualTo("deadLetterId");
  }

  @Test
  void onlyAnAdminReadsOrRetriesDeadLetters() {
    String id = "storybank.cohort-events.dlt-0-0";
    for (String email : List.of("coach1@demo.storybank", "candidate1@demo.storybank")) {
      String token = accessToken(email);
      assertThat(exchange(HttpMethod.GET, "/api/admin/dead-letters", token).getStatusCode().value())
          .isEqualTo(403);
      assertThat(
              exchange(HttpMethod.POST, "/api/admin/dead-letters/" + id + "/retry", token)
                  .getStatusCode()
                  .value())
          .isEqualTo(403);
    }
    assertThat(exchange(HttpMethod.GET, "/api/admin/dead-letters", null).getStatusCode().value())
        .isEqualTo(401);
  }

  private JsonNode letterOf(String admin, String cohortId) {
    List<JsonNode> letters = lettersOf(admin, cohortId);
    return letters.isEmpty() ? null : letters.get(letters.size() - 1);
  }

  private List<JsonNode> lettersOf(String admin, String cohortId) {
    ResponseEntity<JsonNode> listed = exchange(HttpMethod.GET, "/api/admin/dead-letters", admin);
    assertThat(listed.getStatusCode().value()).isEqualTo(200);
    List<JsonNode> found = new ArrayList<>();
    listed
        .getBody()
        .forEach(
            l -> {
              if (cohortId.equals(l.path("key").asText())
                  && GROUP.equals(l.path("consumerGroup").asText())) {
                found.add(l);
              }
            });
    return found;
  }

  private static void publishUnreadableCohortEvent(String cohortId) throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestServers.shared().kafkaBootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(EventTopics.COHORT_EVENTS, cohortId, "{not json".getBytes(UTF_8));
      header(record, EventTopics.HEADER_EVENT_ID, UUID.randomUUID().toString());
      header(record, EventTopics.HEADER_EVENT_TYPE, "CohortCreated");
      header(record, EventTopics.HEADER_AGGREGATE_ID, cohortId);
      header(record, EventTopics.HEADER_SEQUENCE, "0");
      header(record, EventTopics.HEADER_TIMESTAMP, Instant.now().toString());
      producer.send(record).get();
    }
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(UTF_8));
  }

  private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, String token) {
    return http.exchange(path, method, new HttpEntity<>(bearer(token)), JsonNode.class);
  }

  private String accessToken(String email) {
    ResponseEntity<JsonNode> response = login(email, PASSWORD);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody().get("accessToken").asText();
  }
}
