package org.storybank.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.storybank.api.messaging.EventTopics;
import org.storybank.api.messaging.EventTypes;

/**
 * Reads a record of one of our topics back into its event and the envelope the publisher wrote in
 * the headers. A record that cannot be read (empty, unknown type, broken JSON, incomplete envelope,
 * an event naming another aggregate than its envelope) throws {@link UnreadableRecord}: the
 * consumer's error handler dead-letters it, so it neither blocks its partition nor vanishes.
 */
public final class EventRecords<E> {

  /** An event with what the event store knew about it. */
  public record Received<E>(
      E event, String eventId, String aggregateId, long sequence, Instant timestamp) {}

  private final EventTypes<E> types;
  private final ObjectMapper json;
  private final Function<E, String> aggregateIdOf;

  private EventRecords(EventTypes<E> types, ObjectMapper json, Function<E, String> aggregateIdOf) {
    this.types = types;
    this.json = json;
    this.aggregateIdOf = aggregateIdOf;
  }

  /**
   * @param aggregateIdOf the aggregate id an event names; it must be the one in the envelope
   */
  public static <E> EventRecords<E> of(
      Class<E> sealedEventType, ObjectMapper json, Function<E, String> aggregateIdOf) {
    return new EventRecords<>(EventTypes.of(sealedEventType), json, aggregateIdOf);
  }

  public Received<E> read(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null || record.value().length == 0) {
      throw new UnreadableRecord("empty record");
    }
    String typeName = header(record, EventTopics.HEADER_EVENT_TYPE);
    Class<? extends E> type =
        (typeName == null ? Optional.<Class<? extends E>>empty() : types.typeNamed(typeName))
            .orElseThrow(() -> new UnreadableRecord("unknown event type " + typeName));
    E event;
    try {
      event = json.readValue(record.value(), type);
    } catch (IOException e) {
      throw new UnreadableRecord("unreadable " + typeName + ": " + e.getMessage(), e);
    }
    Received<E> received = envelope(record, event);
    String named = aggregateIdOf.apply(event);
    if (!Objects.equals(named, received.aggregateId())) {
      throw new UnreadableRecord(
          typeName + " names aggregate " + named + ", its envelope " + received.aggregateId());
    }
    return received;
  }

  private Received<E> envelope(ConsumerRecord<String, byte[]> record, E event) {
    try {
      return new Received<>(
          event,
          header(record, EventTopics.HEADER_EVENT_ID),
          header(record, EventTopics.HEADER_AGGREGATE_ID),
          Long.parseLong(header(record, EventTopics.HEADER_SEQUENCE)),
          Instant.parse(header(record, EventTopics.HEADER_TIMESTAMP)));
    } catch (RuntimeException e) {
      throw new UnreadableRecord("incomplete envelope (" + e + ")", e);
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
