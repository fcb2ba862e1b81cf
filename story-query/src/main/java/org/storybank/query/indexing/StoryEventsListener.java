package org.storybank.query.indexing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.storybank.api.messaging.EventTopics;
import org.storybank.api.story.StoryDrafted;
import org.storybank.api.story.StoryEvent;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;
import org.storybank.messaging.EventRecords;
import org.storybank.query.projection.EvaluationDocument;
import org.storybank.query.projection.EventEnvelope;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.projection.StoryProjection;
import org.storybank.query.semantic.StoryEmbedder;

/**
 * Consumes story events and keeps the stories and evaluations indexes current. Offsets are
 * committed after the write, so delivery is at least once; external versions make the repeats
 * harmless.
 */
@Component
class StoryEventsListener {

  private static final Logger log = LoggerFactory.getLogger(StoryEventsListener.class);

  private final EventRecords<StoryEvent> records;
  private final StoryProjection projection = new StoryProjection();
  private final StoriesIndex stories;
  private final EvaluationsIndex evaluations;
  private final MembershipsIndex memberships;
  private final StoryEmbedder embedder;

  StoryEventsListener(
      ObjectMapper json,
      StoriesIndex stories,
      EvaluationsIndex evaluations,
      MembershipsIndex memberships,
      StoryEmbedder embedder) {
    this.records = EventRecords.of(StoryEvent.class, json);
    this.stories = stories;
    this.evaluations = evaluations;
    this.memberships = memberships;
    this.embedder = embedder;
  }

  @KafkaListener(topics = EventTopics.STORY_EVENTS, groupId = "${storybank.kafka.consumer-group}")
  void on(ConsumerRecord<String, byte[]> record) {
    records.read(record).ifPresent(this::apply);
  }

  private void apply(EventRecords.Received<StoryEvent> received) {
    StoryEvent event = received.event();
    String storyId = event.storyId();
    EventEnvelope envelope =
        new EventEnvelope(
            received.eventId(), received.aggregateId(), received.sequence(), received.timestamp());
    Optional<StoryDocument> current = stories.get(storyId);
    if (event instanceof EvaluationRecorded recorded && current.isPresent()) {
      evaluations.write(EvaluationDocument.of(recorded, current.get(), envelope));
    }
    switch (projection.apply(current, event, envelope)) {
      case StoryProjection.Outcome.Write write -> {
        StoryDocument document = embedder.embed(write.document());
        stories.write(event instanceof StoryDrafted ? memberships.place(document) : document);
      }
      case StoryProjection.Outcome.MissingStory missing ->
          log.warn(
              "story {} is not in the index, so its event at version {} changes nothing; reindex to repair",
              storyId,
              received.sequence());
      case StoryProjection.Outcome.AlreadyApplied applied -> {}
    }
  }
}
