package org.storybank.query.indexing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.storybank.api.messaging.EventTopics;
import org.storybank.api.messaging.EventTypes;
import org.storybank.api.story.StoryEvent;
import org.storybank.query.projection.EventEnvelope;
import org.storybank.query.projection.StoryProjection;

/**
 * Consumes story events and keeps the stories index current. Offsets are committed after the write,
 * so delivery is at least once; external versions make the repeats harmless. A record that cannot
 * be read is logged and skipped rather than blocking every story behind it.
 */
@Component
class StoryEventsListener {

  private static final Logger log = LoggerFactory.getLogger(StoryEventsListener.class);
  private static final EventTypes<StoryEvent> TYPES = EventTypes.of(StoryEvent.class);

  private final ObjectMapper json;
  private final StoryProjection projection = new StoryProjection();
  private final StoriesIndex index;

  StoryEventsListener(ObjectMapper json, StoriesIndex index) {
    this.json = json;
    this.index = index;
    index.createIfMissing();
  }

  @KafkaListener(topics = EventTopics.STORY_EVENTS, groupId = "${storybank.kafka.consumer-group}")
  void on(ConsumerRecord<String, byte[]> record) {
    Optional<StoryEvent> event = read(record);
    Optional<EventEnvelope> envelope = envelope(record);
    if (event.isEmpty() || envelope.isEmpty()) {
      return;
    }
    String storyId = event.get().storyId();
    switch (projection.apply(index.get(storyId), event.get(), envelope.get())) {
      case StoryProjection.Outcome.Write write -> index.write(write.document());
      case StoryProjection.Outcome.MissingStory missing ->
          log.warn(
              "story {} is not in the index, so its event at version {} changes nothing; reindex to repair",
              storyId,
              envelope.get().sequence());
      case StoryProjection.Outcome.AlreadyApplied applied -> {}
      case StoryProjection.Outcome.NothingIndexed nothing -> {}
    }
  }

  private static Optional<EventEnvelope> envelope(ConsumerRecord<String, byte[]> record) {
    try {
      return Optional.of(
          new EventEnvelope(
              header(record, EventTopics.HEADER_EVENT_ID),
              header(record, EventTopics.HEADER_AGGREGATE_ID),
              Long.parseLong(header(record, EventTopics.HEADER_SEQUENCE)),
              Instant.parse(header(record, EventTopics.HEADER_TIMESTAMP))));
    } catch (RuntimeException e) {
      log.warn(
          "skipping record at {}-{}@{}: incomplete envelope ({})",
          record.topic(),
          record.partition(),
          record.offset(),
          e.toString());
      return Optional.empty();
    }
  }

  private Optional<StoryEvent> read(ConsumerRecord<String, byte[]> record) {
    String typeName = header(record, EventTopics.HEADER_EVENT_TYPE);
    var type =
        typeName == null
            ? Optional.<Class<? extends StoryEvent>>empty()
            : TYPES.typeNamed(typeName);
    if (type.isEmpty()) {
      log.warn(
          "skipping record at {}-{}@{}: unknown event type {}",
          record.topic(),
          record.partition(),
          record.offset(),
          typeName);
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(record.value(), type.get()));
    } catch (IOException e) {
      log.error(
          "skipping unreadable {} at {}-{}@{}",
          typeName,
          record.topic(),
          record.partition(),
          record.offset(),
          e);
      return Optional.empty();
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
