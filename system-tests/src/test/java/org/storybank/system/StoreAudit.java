package org.storybank.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.storybank.api.messaging.EventTopics;

/**
 * What each store of a running stack holds, read from the stores themselves: the event store (the
 * truth), the search index, the story topic. The fault suite compares them.
 */
final class StoreAudit {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A story as the event store has it: its last sequence number, revision and title. */
  record StoredStory(String storyId, long lastSequence, int revision, String title) {}

  private final String database;
  private final int elasticsearchPort;
  private final int kafkaPort;

  StoreAudit(String database, int elasticsearchPort, int kafkaPort) {
    this.database = database;
    this.elasticsearchPort = elasticsearchPort;
    this.kafkaPort = kafkaPort;
  }

  /** Every story in the event store, by id. */
  Map<String, StoredStory> eventStore() throws Exception {
    Map<String, StoredStory> stories = new HashMap<>();
    query(
        """
        SELECT e.aggregate_identifier, max(e.sequence_number),
               max((convert_from(e.payload, 'UTF8')::jsonb ->> 'revision')::int)
                 FILTER (WHERE e.payload_type LIKE '%StoryDrafted' OR e.payload_type LIKE '%StoryRevised'),
               min(convert_from(e.payload, 'UTF8')::jsonb ->> 'title')
                 FILTER (WHERE e.payload_type LIKE '%StoryDrafted')
          FROM domain_event_entry e WHERE e.type = 'Story' GROUP BY e.aggregate_identifier
        """,
        row ->
            stories.put(
                row.getString(1),
                new StoredStory(
                    row.getString(1),
                    row.getLong(2),
                    row.getObject(3) == null ? 1 : row.getInt(3),
                    row.getString(4))));
    return stories;
  }

  /** Automatic evaluations recorded per story and revision. */
  Map<String, Map<Integer, Integer>> automaticEvaluations() throws Exception {
    Map<String, Map<Integer, Integer>> counts = new HashMap<>();
    query(
        """
        SELECT aggregate_identifier, (convert_from(payload, 'UTF8')::jsonb ->> 'revision')::int,
               count(*)
          FROM domain_event_entry
         WHERE payload_type LIKE '%EvaluationRecorded'
           AND convert_from(payload, 'UTF8')::jsonb -> 'evaluator' ->> 'kind' = 'AUTOMATIC'
         GROUP BY 1, 2
        """,
        row ->
            counts
                .computeIfAbsent(row.getString(1), id -> new HashMap<>())
                .put(row.getInt(2), row.getInt(3)));
    return counts;
  }

  /** Every story document in the search index, with its version. */
  Map<String, Long> index() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String url = "http://127.0.0.1:" + elasticsearchPort;
    http.send(
        HttpRequest.newBuilder(URI.create(url + "/stories/_refresh"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/stories/_search"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"size\":10000,\"version\":true,\"_source\":false,"
                            + "\"track_total_hits\":true,\"query\":{\"match_all\":{}}}"))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(answer.body());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("index search answered " + answer.statusCode() + ": " + body);
    }
    if (body.path("hits").path("total").path("value").asLong() >= 10_000) {
      throw new IllegalStateException("more documents than one page of the audit reads");
    }
    Map<String, Long> versions = new HashMap<>();
    body.path("hits")
        .path("hits")
        .forEach(hit -> versions.put(hit.get("_id").asText(), hit.get("_version").asLong()));
    return versions;
  }

  /**
   * The story topic as published, per story in partition order: the sequence numbers of its
   * records. A crash may publish an event again (at least once); publication is in order when each
   * sequence number is first seen after the one before it.
   */
  Map<String, List<Long>> publishedSequences() {
    Properties settings = new Properties();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort);
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-audit-" + UUID.randomUUID());
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    settings.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Map<String, List<Long>> sequences = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(EventTopics.STORY_EVENTS, Duration.ofSeconds(30)).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.currentTimeMillis() + 60_000;
      while (!reached(consumer, ends) && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          Header aggregate = record.headers().lastHeader(EventTopics.HEADER_AGGREGATE_ID);
          Header sequence = record.headers().lastHeader(EventTopics.HEADER_SEQUENCE);
          if (aggregate == null || sequence == null) {
            continue;
          }
          sequences
              .computeIfAbsent(
                  new String(aggregate.value(), StandardCharsets.UTF_8), id -> new ArrayList<>())
              .add(Long.parseLong(new String(sequence.value(), StandardCharsets.UTF_8)));
        }
      }
      if (!reached(consumer, ends)) {
        throw new IllegalStateException("could not read the story topic to its end in a minute");
      }
    }
    return sequences;
  }

  private static boolean reached(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream()
        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
  }

  private interface Row {
    void read(ResultSet row) throws Exception;
  }

  private void query(String sql, Row row) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(
                database, RunningStack.postgresUser(), RunningStack.postgresPassword());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        row.read(rows);
      }
    }
  }
}
