package org.storybank.messaging.deadletter;

import org.apache.kafka.common.TopicPartition;

/** A dead letter's place: {@code <dead-letter topic>-<partition>-<offset>}. */
record DeadLetterId(TopicPartition partition, long offset) {

  static DeadLetterId parse(String id) {
    int offsetAt = id.lastIndexOf('-');
    int partitionAt = offsetAt > 0 ? id.lastIndexOf('-', offsetAt - 1) : -1;
    if (partitionAt <= 0) {
      throw new IllegalArgumentException("not a dead-letter id: " + id);
    }
    String topic = id.substring(0, partitionAt);
    if (!DeadLetterTopics.all().contains(topic)) {
      throw new IllegalArgumentException("not a dead-letter topic: " + topic);
    }
    try {
      return new DeadLetterId(
          new TopicPartition(topic, Integer.parseInt(id.substring(partitionAt + 1, offsetAt))),
          Long.parseLong(id.substring(offsetAt + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a dead-letter id: " + id);
    }
  }

  @Override
  public String toString() {
    return partition.topic() + "-" + partition.partition() + "-" + offset;
  }
}
