package org.storybank.command.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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
 * to its aggregate type's topic, keyed by aggregate id. The processor hands over a batch of events
 * at a time; their sends go out together and are all awaited before the batch's token is stored, so
 * the token only moves on once the broker has acknowledged every record of the batch: a crash or an
 * outage repeats events but never skips one. (Awaiting each send alone, with the producer's linger,
 * held publication to about 30 events/s here.) The producer is idempotent with at most five
 * requests in flight, so the records of a partition keep their order.
 */
@Component
@ProcessingGroup(EventPublisher.PROCESSING_GROUP)
class EventPublisher {

  static final String PROCESSING_GROUP = "kafka-publication";

  private static final String SENDS = EventPublisher.class.getName() + ".sends";

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
    CompletableFuture<?> sent = kafka.send(record);
    if (CurrentUnitOfWork.isStarted()) {
      sendsOf(CurrentUnitOfWork.get().root()).add(sent);
    } else {
      sent.get();
    }
  }

  /** The sends of a batch, awaited as it prepares to commit (and so to store its token). */
  private static List<CompletableFuture<?>> sendsOf(UnitOfWork<?> batch) {
    return batch.getOrComputeResource(
        SENDS,
        key -> {
          List<CompletableFuture<?>> sends = new ArrayList<>();
          batch.onPrepareCommit(committing -> awaitAll(sends));
          return sends;
        });
  }

  private static void awaitAll(List<CompletableFuture<?>> sends) {
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the broker acknowledged a batch", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the broker did not acknowledge a batch", e.getCause());
    }
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
