package org.storybank.query.indexing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.storybank.api.cohort.CohortEvent;
import org.storybank.api.messaging.EventTopics;
import org.storybank.messaging.EventRecords;
import org.storybank.query.projection.CohortChange;

/** Consumes cohort events: memberships, and stories that follow their authors between cohorts. */
@Component
class CohortEventsListener {

  private final EventRecords<CohortEvent> records;
  private final CohortEventApplier applier;

  CohortEventsListener(ObjectMapper json, CohortEventApplier applier) {
    this.records = EventRecords.of(CohortEvent.class, json, CohortEvent::cohortId);
    this.applier = applier;
  }

  @KafkaListener(topics = EventTopics.COHORT_EVENTS, groupId = "${storybank.kafka.consumer-group}")
  void on(ConsumerRecord<String, byte[]> record) {
    EventRecords.Received<CohortEvent> received = records.read(record);
    CohortChange.of(received.event())
        .ifPresent(change -> applier.apply(change, received.sequence()));
  }
}
