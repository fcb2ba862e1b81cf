package org.storybank.query.indexing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.storybank.api.cohort.CohortEvent;
import org.storybank.api.messaging.EventTopics;
import org.storybank.api.messaging.EventTypes;
import org.storybank.query.projection.CohortChange;
import org.storybank.query.projection.StoryDocument;

/**
 * Moves a candidate's stories with them when they join or leave a cohort, so that a coach's search
 * stops finding a removed candidate's stories. Each story is written again at its own version; if a
 * story event wrote a newer one meanwhile, the change is applied to that one instead.
 */
@Component
class CohortEventsListener {

  private static final Logger log = LoggerFactory.getLogger(CohortEventsListener.class);
  private static final EventTypes<CohortEvent> TYPES = EventTypes.of(CohortEvent.class);

  private final ObjectMapper json;
  private final StoriesIndex index;

  CohortEventsListener(ObjectMapper json, StoriesIndex index) {
    this.json = json;
    this.index = index;
  }

  @KafkaListener(topics = EventTopics.COHORT_EVENTS, groupId = "${storybank.kafka.consumer-group}")
  void on(ConsumerRecord<String, byte[]> record) {
    read(record).flatMap(CohortChange::of).ifPresent(this::apply);
  }

  private void apply(CohortChange change) {
    for (StoryDocument story : index.storiesOf(change.candidateId())) {
      Optional<StoryDocument> moved = change.applyTo(story);
      while (moved.isPresent() && !index.rewrite(moved.get())) {
        moved = index.get(story.storyId()).flatMap(change::applyTo);
      }
    }
  }

  private Optional<CohortEvent> read(ConsumerRecord<String, byte[]> record) {
    Header type = record.headers().lastHeader(EventTopics.HEADER_EVENT_TYPE);
    Optional<Class<? extends CohortEvent>> eventType =
        type == null
            ? Optional.empty()
            : TYPES.typeNamed(new String(type.value(), StandardCharsets.UTF_8));
    if (eventType.isEmpty()) {
      log.warn("skipping cohort record at offset {}: unknown event type", record.offset());
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(record.value(), eventType.get()));
    } catch (IOException e) {
      log.error("skipping unreadable cohort record at offset {}", record.offset(), e);
      return Optional.empty();
    }
  }
}
