package org.storybank.messaging.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaUtils;

/**
 * The end of the road for a record that cannot be read or applied: it is published to its topic's
 * dead-letter topic with the reason, an ERROR line names where it was and why, and the counter
 * {@code storybank.kafka.dead.letters} goes up. Only after the dead-letter topic acknowledged does
 * the consumer move on; if the broker refuses, the record is tried again, never lost.
 */
final class DeadLetterRecoverer implements ConsumerRecordRecoverer {

  static final String METER = "storybank.kafka.dead.letters";

  private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

  private final DeadLetterPublishingRecoverer publisher;
  private final MeterRegistry meters;

  DeadLetterRecoverer(KafkaOperations<?, ?> deadLetters, MeterRegistry meters) {
    this.publisher =
        new DeadLetterPublishingRecoverer(
            deadLetters,
            (record, failure) -> new TopicPartition(DeadLetterTopics.of(record.topic()), -1));
    this.publisher.setHeadersFunction(
        (record, failure) -> {
          RecordHeaders headers = new RecordHeaders();
          headers.add(
              DeadLetterTopics.HEADER_REASON,
              FailureReasons.reason(failure).getBytes(StandardCharsets.UTF_8));
          return headers;
        });
    this.meters = meters;
  }

  @Override
  public void accept(ConsumerRecord<?, ?> record, Exception failure) {
    String reason = FailureReasons.reason(failure);
    publisher.accept(record, failure);
    log.error(
        "DEAD LETTER {}-{}@{} (group {}) sent to {}: {}",
        record.topic(),
        record.partition(),
        record.offset(),
        KafkaUtils.getConsumerGroupId(),
        DeadLetterTopics.of(record.topic()),
        reason);
    Counter.builder(METER)
        .description("records sent to a dead-letter topic")
        .tag("topic", record.topic())
        .tag("kind", FailureReasons.isUnreadable(failure) ? "unreadable" : "not-applied")
        .register(meters)
        .increment();
  }
}
