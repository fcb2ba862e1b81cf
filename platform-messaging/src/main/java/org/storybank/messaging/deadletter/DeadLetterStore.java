package org.storybank.messaging.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.support.KafkaHeaders;
import org.storybank.api.messaging.EventTopics;

/**
 * The dead-letter topics read for an admin: the latest dead letters of every topic, and a retry
 * that sends one back to the topic it came from (same key, value and event headers), where every
 * consumer group reads it again; consumers are idempotent, so those that had applied it before
 * change nothing. If it fails again it comes back as a new dead letter.
 */
public final class DeadLetterStore implements AutoCloseable {

  private static final Duration READ_LIMIT = Duration.ofSeconds(10);
  private static final int VALUE_LIMIT = 4_000;

  private final Map<String, Object> client;
  private final KafkaProducer<String, byte[]> producer;

  public DeadLetterStore(String bootstrapServers) {
    this.client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    Map<String, Object> producerConfig = new HashMap<>(client);
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
  }

  /** The latest {@code limit} dead letters of each dead-letter topic, newest first. */
  public List<DeadLetter> list(int limit) {
    List<DeadLetter> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      for (String topic : DeadLetterTopics.all()) {
        for (var info : consumer.partitionsFor(topic)) {
          TopicPartition partition = new TopicPartition(topic, info.partition());
          long end = consumer.endOffsets(List.of(partition)).get(partition);
          long begin = consumer.beginningOffsets(List.of(partition)).get(partition);
          long from = Math.max(begin, end - limit);
          read(consumer, partition, from, end).forEach(record -> found.add(deadLetter(record)));
        }
      }
    }
    found.sort(Comparator.comparing(DeadLetter::deadLetteredAt).reversed());
    return found;
  }

  /** Sends the dead letter back to its topic; empty when there is no such dead letter. */
  public Optional<RecordMetadata> retry(String id) throws InterruptedException {
    DeadLetterId place = DeadLetterId.parse(id);
    Optional<ConsumerRecord<String, byte[]>> record;
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      long end = consumer.endOffsets(List.of(place.partition())).get(place.partition());
      if (place.offset() >= end) {
        return Optional.empty();
      }
      record =
          read(consumer, place.partition(), place.offset(), place.offset() + 1).stream()
              .filter(found -> found.offset() == place.offset())
              .findFirst();
    }
    if (record.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(producer.send(resend(record.get(), place)).get());
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not send " + id + " back", e.getCause());
    }
  }

  private static ProducerRecord<String, byte[]> resend(
      ConsumerRecord<String, byte[]> deadLetter, DeadLetterId place) {
    String topic = text(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC);
    ProducerRecord<String, byte[]> again =
        new ProducerRecord<>(
            topic != null ? topic : DeadLetterTopics.originOf(deadLetter.topic()),
            deadLetter.key(),
            deadLetter.value());
    for (Header header : deadLetter.headers()) {
      if (!header.key().startsWith("kafka_dlt-")
          && !header.key().equals(DeadLetterTopics.HEADER_REASON)
          && !header.key().equals(DeadLetterTopics.HEADER_RETRY_OF)) {
        again.headers().add(header);
      }
    }
    again
        .headers()
        .add(DeadLetterTopics.HEADER_RETRY_OF, place.toString().getBytes(StandardCharsets.UTF_8));
    return again;
  }

  private static List<ConsumerRecord<String, byte[]>> read(
      KafkaConsumer<String, byte[]> consumer, TopicPartition partition, long from, long end) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    if (from >= end) {
      return records;
    }
    consumer.assign(List.of(partition));
    consumer.seek(partition, from);
    Instant deadline = Instant.now().plus(READ_LIMIT);
    while (consumer.position(partition) < end && Instant.now().isBefore(deadline)) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        if (record.offset() < end) {
          records.add(record);
        }
      }
    }
    return records;
  }

  private static DeadLetter deadLetter(ConsumerRecord<String, byte[]> record) {
    String value =
        record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    if (value != null && value.length() > VALUE_LIMIT) {
      value = value.substring(0, VALUE_LIMIT);
    }
    String topic = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
    return new DeadLetter(
        new DeadLetterId(new TopicPartition(record.topic(), record.partition()), record.offset())
            .toString(),
        topic != null ? topic : DeadLetterTopics.originOf(record.topic()),
        number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION).intValue(),
        number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
        record.key(),
        text(record, EventTopics.HEADER_EVENT_TYPE),
        text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
        text(record, DeadLetterTopics.HEADER_REASON),
        Instant.ofEpochMilli(record.timestamp()),
        value);
  }

  private static String text(ConsumerRecord<?, ?> record, String header) {
    Header found = record.headers().lastHeader(header);
    return found == null ? null : new String(found.value(), StandardCharsets.UTF_8);
  }

  /** Spring Kafka writes the original partition (4 bytes) and offset (8 bytes) big-endian. */
  private static Long number(ConsumerRecord<?, ?> record, String header) {
    Header found = record.headers().lastHeader(header);
    if (found == null) {
      return -1L;
    }
    long value = 0;
    for (byte b : found.value()) {
      value = (value << 8) | (b & 0xff);
    }
    return value;
  }

  private KafkaConsumer<String, byte[]> consumer() {
    Map<String, Object> config = new HashMap<>(client);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }

  @Override
  public void close() {
    producer.close();
  }
}
