package org.storybank.query.indexing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.storybank.api.messaging.EventTopics;
import org.storybank.api.story.StoryEvent;
import org.storybank.messaging.EventRecords;
import org.storybank.query.projection.EventEnvelope;
import org.storybank.query.projection.StoryProjection;

/**
 * Consumes story events and keeps the stories index current. Offsets are committed after the write,
 * so delivery is at least once; external versions make the repeats harmless.
 */
@Component
class StoryEventsListener {

  private static final Logger log = LoggerFactory.getLogger(StoryEventsListener.class);

  private final EventRecords<StoryEvent> records;
  private final StoryProjection projection = new StoryProjection();
  private final StoriesIndex index;

  StoryEventsListener(ObjectMapper json, StoriesIndex index) {
    this.records = EventRecords.of(StoryEvent.class, json);
    this.index = index;
    index.createIfMissing();
  }

  @KafkaListener(topics = EventTopics.STORY_EVENTS, groupId = "${storybank.kafka.consumer-group}")
  void on(ConsumerRecord<String, byte[]> record) {
    records.read(record).ifPresent(this::apply);
  }

  private void apply(EventRecords.Received<StoryEvent> received) {
    String storyId = received.event().storyId();
    EventEnvelope envelope =
        new EventEnvelope(
            received.eventId(), received.aggregateId(), received.sequence(), received.timestamp());
    switch (projection.apply(index.get(storyId), received.event(), envelope)) {
      case StoryProjection.Outcome.Write write -> index.write(write.document());
      case StoryProjection.Outcome.MissingStory missing ->
          log.warn(
              "story {} is not in the index, so its event at version {} changes nothing; reindex to repair",
              storyId,
              received.sequence());
      case StoryProjection.Outcome.AlreadyApplied applied -> {}
      case StoryProjection.Outcome.NothingIndexed nothing -> {}
    }
  }
}
