package org.storybank.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storybank.api.messaging.EventTopics;
import org.storybank.api.messaging.EventTypes;

/**
 * Reads a record of one of our topics back into its event and the envelope the publisher wrote in
 * the headers. A record that cannot be read (unknown type, broken JSON, incomplete envelope) is
 * logged and skipped rather than blocking every aggregate behind it.
 */
public final class EventRecords<E> {

  private static final Logger log = LoggerFactory.getLogger(EventRecords.class);

  /** An event with what the event store knew about it. */
  public record Received<E>(
      E event, String eventId, String aggregateId, long sequence, Instant timestamp) {}

  private final EventTypes<E> types;
  private final ObjectMapper json;

  private EventRecords(EventTypes<E> types, ObjectMapper json) {
    this.types = types;
    this.json = json;
  }

  public static <E> EventRecords<E> of(Class<E> sealedEventType, ObjectMapper json) {
    return new EventRecords<>(EventTypes.of(sealedEventType), json);
  }

  public Optional<Received<E>> read(ConsumerRecord<String, byte[]> record) {
    String typeName = header(record, EventTopics.HEADER_EVENT_TYPE);
    Optional<Class<? extends E>> type =
        typeName == null ? Optional.empty() : types.typeNamed(typeName);
    if (type.isEmpty()) {
      log.warn("skipping {}: unknown event type {}", where(record), typeName);
      return Optional.empty();
    }
    E event;
    try {
      event = json.readValue(record.value(), type.get());
    } catch (IOException e) {
      log.error("skipping {}: unreadable {}", where(record), typeName, e);
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Received<>(
              event,
              header(record, EventTopics.HEADER_EVENT_ID),
              header(record, EventTopics.HEADER_AGGREGATE_ID),
              Long.parseLong(header(record, EventTopics.HEADER_SEQUENCE)),
              Instant.parse(header(record, EventTopics.HEADER_TIMESTAMP))));
    } catch (RuntimeException e) {
      log.warn("skipping {}: incomplete envelope ({})", where(record), e.toString());
      return Optional.empty();
    }
  }

  private static String where(ConsumerRecord<?, ?> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
