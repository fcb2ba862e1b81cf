package org.storybank.messaging.membership;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One member of a consumer group, as a service's listener is one: run in a process of its own so
 * that it can be killed with SIGKILL. Prints {@code ASSIGNED} once it holds partitions.
 */
final class GroupMember {

  private GroupMember() {}

  /** Arguments: bootstrap servers, group, topic, and the static instance id or "-" for none. */
  public static void main(String[] arguments) {
    try (KafkaConsumer<String, byte[]> consumer =
        consumer(arguments[0], arguments[1], "-".equals(arguments[3]) ? null : arguments[3])) {
      consumer.subscribe(
          List.of(arguments[2]),
          new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
              if (!partitions.isEmpty()) {
                System.out.println("ASSIGNED");
                System.out.flush();
              }
            }
          });
      while (true) {
        consumer.poll(Duration.ofMillis(200));
      }
    }
  }

  static KafkaConsumer<String, byte[]> consumer(String bootstrap, String group, String instanceId) {
    Properties properties = new Properties();
    properties.putAll(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG, group,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
    if (instanceId != null) {
      properties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
    }
    return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
