package org.storybank.evaluation.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.storybank.api.messaging.EventTopics;
import org.storybank.api.story.StoryEvent;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;
import org.storybank.messaging.EventRecords;

/**
 * Follows every story: keeps the evaluator's copy current, judges each new revision once per rubric
 * version, and keeps the criterion scores that calibration compares.
 */
@Component
class StoryEventsConsumer {

  private static final Logger log = LoggerFactory.getLogger(StoryEventsConsumer.class);

  private final EventRecords<StoryEvent> records;
  private final StoryTexts stories;
  private final AutomaticEvaluator evaluator;
  private final CriterionScores scores;

  StoryEventsConsumer(
      ObjectMapper json, StoryTexts stories, AutomaticEvaluator evaluator, CriterionScores scores) {
    this.records = EventRecords.of(StoryEvent.class, json, StoryEvent::storyId);
    this.stories = stories;
    this.evaluator = evaluator;
    this.scores = scores;
  }

  @KafkaListener(topics = EventTopics.STORY_EVENTS, groupId = "${storybank.kafka.consumer-group}")
  void on(ConsumerRecord<String, byte[]> record) throws InterruptedException, ExecutionException {
    EventRecords.Received<StoryEvent> received = records.read(record);
    StoryEvent event = received.event();
    long sequence = received.sequence();
    String storyId = event.storyId();
    Optional<StoryText> current = stories.find(storyId);
    if (event instanceof EvaluationRecorded evaluation) {
      current.ifPresent(story -> scores.record(story, evaluation));
      return;
    }
    Optional<StoryText> changed = StoryTextProjection.apply(current, event, sequence);
    if (changed.isPresent()) {
      stories.save(changed.get());
      if (evaluator.evaluateIfDue(stories.find(storyId).orElseThrow())) {
        log.debug("evaluated story {} revision {}", storyId, changed.get().revision());
      }
    }
  }
}
