package org.storybank.query.indexing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.storybank.api.messaging.EventTopics;
import org.storybank.api.story.StoryEvent;
import org.storybank.messaging.EventRecords;
import org.storybank.query.projection.EventEnvelope;

/**
 * Consumes story events and keeps the stories and evaluations indexes current. Offsets are
 * committed after the write, so delivery is at least once; external versions make the repeats
 * harmless.
 */
@Component
class StoryEventsListener {

  private final EventRecords<StoryEvent> records;
  private final StoryEventApplier applier;

  StoryEventsListener(ObjectMapper json, StoryEventApplier applier) {
    this.records = EventRecords.of(StoryEvent.class, json, StoryEvent::storyId);
    this.applier = applier;
  }

  @KafkaListener(topics = EventTopics.STORY_EVENTS, groupId = "${storybank.kafka.consumer-group}")
  void on(ConsumerRecord<String, byte[]> record) {
    EventRecords.Received<StoryEvent> received = records.read(record);
    applier.apply(
        received.event(),
        new EventEnvelope(
            received.eventId(), received.aggregateId(), received.sequence(), received.timestamp()));
  }
}
