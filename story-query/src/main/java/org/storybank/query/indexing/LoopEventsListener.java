package org.storybank.query.indexing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.storybank.api.loop.LoopEvent;
import org.storybank.api.messaging.EventTopics;
import org.storybank.messaging.EventRecords;
import org.storybank.query.projection.EventEnvelope;
import org.storybank.query.projection.LoopDocument;
import org.storybank.query.projection.LoopProjection;

/**
 * Consumes loop events into the loops index: read, fold, write at the event's sequence number.
 * Offsets are committed after the write; a repeat changes nothing.
 */
@Component
class LoopEventsListener {

  private static final Logger log = LoggerFactory.getLogger(LoopEventsListener.class);

  private final EventRecords<LoopEvent> records;
  private final LoopProjection projection = new LoopProjection();
  private final LoopsIndex loops;

  LoopEventsListener(ObjectMapper json, LoopsIndex loops) {
    this.records = EventRecords.of(LoopEvent.class, json, LoopEvent::loopId);
    this.loops = loops;
  }

  @KafkaListener(topics = EventTopics.LOOP_EVENTS, groupId = "${storybank.kafka.consumer-group}")
  void on(ConsumerRecord<String, byte[]> record) {
    EventRecords.Received<LoopEvent> received = records.read(record);
    LoopEvent event = received.event();
    Optional<LoopDocument> current = loops.get(event.loopId());
    Optional<LoopDocument> next =
        projection.apply(
            current,
            event,
            new EventEnvelope(
                received.eventId(),
                received.aggregateId(),
                received.sequence(),
                received.timestamp()));
    if (next.isPresent()) {
      loops.write(next.get());
    } else if (current.isEmpty()) {
      log.warn(
          "loop {} is not in the index, so its event at {} changes nothing",
          event.loopId(),
          received.sequence());
    }
  }
}
