package org.storybank.query.indexing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.storybank.api.messaging.EventTopics;
import org.storybank.api.story.StoryEvent;
import org.storybank.messaging.EventRecords;
import org.storybank.query.indexing.StoryEventApplier.Received;
import org.storybank.query.projection.EventEnvelope;

/**
 * Consumes story events in batches and keeps the stories and evaluations indexes current. Offsets
 * are committed after the writes, so delivery is at least once; external versions make the repeats
 * harmless. A record that fails is named to the error handler by its place in the batch: the
 * records before it are applied and committed, and it alone is retried or dead-lettered, as a
 * record listener's would be.
 */
@Component
class StoryEventsListener {

  private final EventRecords<StoryEvent> records;
  private final StoryEventApplier applier;

  StoryEventsListener(ObjectMapper json, StoryEventApplier applier) {
    this.records = EventRecords.of(StoryEvent.class, json, StoryEvent::storyId);
    this.applier = applier;
  }

  @KafkaListener(
      topics = EventTopics.STORY_EVENTS,
      groupId = "${storybank.kafka.consumer-group}",
      batch = "true",
      properties = "max.poll.records=${storybank.kafka.story-batch-size:200}")
  void on(List<ConsumerRecord<String, byte[]>> batch) {
    List<Received> events = new ArrayList<>(batch.size());
    for (ConsumerRecord<String, byte[]> record : batch) {
      try {
        events.add(read(record));
      } catch (RuntimeException unreadable) {
        apply(events);
        throw new BatchListenerFailedException("unreadable story event", unreadable, events.size());
      }
    }
    apply(events);
  }

  private Received read(ConsumerRecord<String, byte[]> record) {
    EventRecords.Received<StoryEvent> received = records.read(record);
    return new Received(
        received.event(),
        new EventEnvelope(
            received.eventId(), received.aggregateId(), received.sequence(), received.timestamp()));
  }

  /** The batch in bulk; when that fails, one by one to find the record that does. */
  private void apply(List<Received> events) {
    if (events.isEmpty()) {
      return;
    }
    try {
      applier.applyAll(events);
    } catch (RuntimeException batchFailed) {
      for (int i = 0; i < events.size(); i++) {
        try {
          applier.apply(events.get(i).event(), events.get(i).envelope());
        } catch (RuntimeException failed) {
          throw new BatchListenerFailedException("story event not applied", failed, i);
        }
      }
    }
  }
}
