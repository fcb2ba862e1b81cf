package org.storybank.query.indexing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.storybank.api.cohort.CohortEvent;
import org.storybank.api.messaging.EventTopics;
import org.storybank.messaging.EventRecords;
import org.storybank.query.projection.CohortChange;
import org.storybank.query.projection.StoryDocument;

/**
 * Moves a candidate's stories with them when they join or leave a cohort, so that a coach's search
 * stops finding a removed candidate's stories. Each story is written again at its own version; if a
 * story event wrote a newer one meanwhile, the change is applied to that one instead.
 */
@Component
class CohortEventsListener {

  private final EventRecords<CohortEvent> records;
  private final StoriesIndex stories;
  private final MembershipsIndex memberships;

  CohortEventsListener(ObjectMapper json, StoriesIndex stories, MembershipsIndex memberships) {
    this.records = EventRecords.of(CohortEvent.class, json);
    this.stories = stories;
    this.memberships = memberships;
  }

  @KafkaListener(topics = EventTopics.COHORT_EVENTS, groupId = "${storybank.kafka.consumer-group}")
  void on(ConsumerRecord<String, byte[]> record) {
    records
        .read(record)
        .ifPresent(
            received ->
                CohortChange.of(received.event())
                    .ifPresent(change -> apply(change, received.sequence())));
  }

  private void apply(CohortChange change, long cohortSequence) {
    memberships.record(change, cohortSequence);
    for (StoryDocument story : stories.storiesOf(change.candidateId())) {
      Optional<StoryDocument> moved = change.applyTo(story);
      while (moved.isPresent() && !stories.rewrite(moved.get())) {
        moved = stories.get(story.storyId()).flatMap(change::applyTo);
      }
    }
  }
}
