package org.storybank.evaluation.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.storybank.api.messaging.EventTopics;
import org.storybank.api.messaging.EventTypes;
import org.storybank.api.story.StoryEvent;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;

/**
 * Follows every story: keeps the evaluator's copy current, judges each new revision once per rubric
 * version, and keeps the criterion scores that calibration compares.
 */
@Component
class StoryEventsConsumer {

  private static final Logger log = LoggerFactory.getLogger(StoryEventsConsumer.class);
  private static final EventTypes<StoryEvent> TYPES = EventTypes.of(StoryEvent.class);

  private final ObjectMapper json;
  private final StoryTexts stories;
  private final AutomaticEvaluator evaluator;
  private final CriterionScores scores;

  StoryEventsConsumer(
      ObjectMapper json, StoryTexts stories, AutomaticEvaluator evaluator, CriterionScores scores) {
    this.json = json;
    this.stories = stories;
    this.evaluator = evaluator;
    this.scores = scores;
  }

  @KafkaListener(topics = EventTopics.STORY_EVENTS, groupId = "${storybank.kafka.consumer-group}")
  void on(ConsumerRecord<String, byte[]> record) throws InterruptedException, ExecutionException {
    Optional<StoryEvent> event = read(record);
    String sequenceHeader = header(record, EventTopics.HEADER_SEQUENCE);
    if (event.isEmpty() || sequenceHeader == null) {
      return;
    }
    long sequence = Long.parseLong(sequenceHeader);
    String storyId = event.get().storyId();
    Optional<StoryText> current = stories.find(storyId);
    if (event.get() instanceof EvaluationRecorded evaluation) {
      current.ifPresent(story -> scores.record(story, evaluation));
      return;
    }
    Optional<StoryText> changed = StoryTextProjection.apply(current, event.get(), sequence);
    if (changed.isPresent()) {
      stories.save(changed.get());
      if (evaluator.evaluateIfDue(stories.find(storyId).orElseThrow())) {
        log.debug("evaluated story {} revision {}", storyId, changed.get().revision());
      }
    }
  }

  private Optional<StoryEvent> read(ConsumerRecord<String, byte[]> record) {
    Optional<Class<? extends StoryEvent>> type =
        Optional.ofNullable(header(record, EventTopics.HEADER_EVENT_TYPE))
            .flatMap(TYPES::typeNamed);
    if (type.isEmpty()) {
      log.warn("skipping record at offset {}: unknown event type", record.offset());
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(record.value(), type.get()));
    } catch (IOException e) {
      log.error("skipping unreadable record at offset {}", record.offset(), e);
      return Optional.empty();
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
