package org.storybank.system;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group's committed offsets are behind the end of a topic, per partition. */
final class ConsumerLag {

  private ConsumerLag() {}

  /** Partition → records not yet committed by the group; a line saying why when it cannot tell. */
  static String of(int kafkaPort, String group, String topic) {
    Map<String, Object> settings =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    try (Admin admin = Admin.create(settings)) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(5, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> ends =
          committed.keySet().stream()
              .filter(partition -> partition.topic().equals(topic))
              .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest =
          admin.listOffsets(ends).all().get(5, TimeUnit.SECONDS);
      Map<Integer, Long> lag = new TreeMap<>();
      latest.forEach(
          (partition, end) ->
              lag.put(partition.partition(), end.offset() - committed.get(partition).offset()));
      return group + " behind on " + topic + " by partition: " + lag;
    } catch (Exception e) {
      return group + " lag on " + topic + " unknown: " + e;
    }
  }
}
