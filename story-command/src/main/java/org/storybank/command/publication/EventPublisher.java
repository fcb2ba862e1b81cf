package org.storybank.command.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.storybank.api.cohort.CohortEvent;
import org.storybank.api.drill.DrillEvent;
import org.storybank.api.loop.LoopEvent;
import org.storybank.api.messaging.EventTopics;
import org.storybank.api.messaging.EventTypes;
import org.storybank.api.story.StoryEvent;

/**
 * Reads the event store in order (a tracking processor with its own token) and publishes each event
 * to its aggregate type's topic, keyed by aggregate id. The send is awaited: the token only moves
 * on once the broker has acknowledged the record, so a crash or an outage repeats events but never
 * skips one.
 */
@Component
@ProcessingGroup(EventPublisher.PROCESSING_GROUP)
class EventPublisher {

  static final String PROCESSING_GROUP = "kafka-publication";

  private static final EventTypes<StoryEvent> STORY_EVENT_TYPES = EventTypes.of(StoryEvent.class);
  private static final EventTypes<CohortEvent> COHORT_EVENT_TYPES =
      EventTypes.of(CohortEvent.class);
  private static final EventTypes<LoopEvent> LOOP_EVENT_TYPES = EventTypes.of(LoopEvent.class);
  private static final EventTypes<DrillEvent> DRILL_EVENT_TYPES = EventTypes.of(DrillEvent.class);

  private final KafkaTemplate<String, byte[]> kafka;
  private final ObjectMapper json;

  EventPublisher(KafkaTemplate<String, byte[]> kafka, ObjectMapper json) {
    this.kafka = kafka;
    this.json = json;
  }

  @EventHandler
  void on(StoryEvent event, EventMessage<?> message)
      throws InterruptedException, ExecutionException {
    publish(
        EventTopics.STORY_EVENTS,
        event.storyId(),
        STORY_EVENT_TYPES.nameOf(event.getClass()),
        event,
        message);
  }

  @EventHandler
  void on(CohortEvent event, EventMessage<?> message)
      throws InterruptedException, ExecutionException {
    publish(
        EventTopics.COHORT_EVENTS,
        event.cohortId(),
        COHORT_EVENT_TYPES.nameOf(event.getClass()),
        event,
        message);
  }

  @EventHandler
  void on(LoopEvent event, EventMessage<?> message)
      throws InterruptedException, ExecutionException {
    publish(
        EventTopics.LOOP_EVENTS,
        event.loopId(),
        LOOP_EVENT_TYPES.nameOf(event.getClass()),
        event,
        message);
  }

  @EventHandler
  void on(DrillEvent event, EventMessage<?> message)
      throws InterruptedException, ExecutionException {
    publish(
        EventTopics.DRILL_EVENTS,
        event.drillId(),
        DRILL_EVENT_TYPES.nameOf(event.getClass()),
        event,
        message);
  }

  private void publish(String topic, String key, String type, Object event, EventMessage<?> message)
      throws InterruptedException, ExecutionException {
    DomainEventMessage<?> domainMessage = (DomainEventMessage<?>) message;
    var record = new ProducerRecord<String, byte[]>(topic, key, toJson(event));
    header(record, EventTopics.HEADER_EVENT_ID, message.getIdentifier());
    header(record, EventTopics.HEADER_EVENT_TYPE, type);
    header(record, EventTopics.HEADER_AGGREGATE_ID, domainMessage.getAggregateIdentifier());
    header(record, EventTopics.HEADER_SEQUENCE, Long.toString(domainMessage.getSequenceNumber()));
    header(record, EventTopics.HEADER_TIMESTAMP, message.getTimestamp().toString());
    kafka.send(record).get();
  }

  private byte[] toJson(Object event) {
    try {
      return json.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + event.getClass().getSimpleName(), e);
    }
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
