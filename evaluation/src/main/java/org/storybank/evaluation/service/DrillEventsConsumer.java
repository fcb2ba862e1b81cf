package org.storybank.evaluation.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.storybank.api.drill.DrillEvent;
import org.storybank.api.drill.DrillEvents.DrillRated;
import org.storybank.api.messaging.EventTopics;
import org.storybank.messaging.EventRecords;

/** Keeps the candidates' self-ratings from their drills, for calibration. */
@Component
class DrillEventsConsumer {

  private final EventRecords<DrillEvent> records;
  private final SelfRatings selfRatings;

  DrillEventsConsumer(ObjectMapper json, SelfRatings selfRatings) {
    this.records = EventRecords.of(DrillEvent.class, json, DrillEvent::drillId);
    this.selfRatings = selfRatings;
  }

  @KafkaListener(topics = EventTopics.DRILL_EVENTS, groupId = "${storybank.kafka.consumer-group}")
  void on(ConsumerRecord<String, byte[]> record) {
    EventRecords.Received<DrillEvent> received = records.read(record);
    if (received.event() instanceof DrillRated rated) {
      selfRatings.record(rated, received.sequence());
    }
  }
}
