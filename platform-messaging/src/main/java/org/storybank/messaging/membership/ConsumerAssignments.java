package org.storybank.messaging.membership;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.actuate.health.Health;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Which listeners have joined their group and been given their partitions (possibly none, when a
 * group has more members than partitions). A service is ready only when all of them have.
 */
final class ConsumerAssignments {

  private final Map<String, Boolean> assigned = new ConcurrentHashMap<>();

  ConsumerAwareRebalanceListener track(String listener) {
    assigned.put(listener, false);
    return new ConsumerAwareRebalanceListener() {
      @Override
      public void onPartitionsAssigned(
          Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned.put(listener, true);
      }
    };
  }

  Health health() {
    Health.Builder health = assigned.containsValue(false) ? Health.down() : Health.up();
    return health.withDetail("listenersAssigned", Map.copyOf(assigned)).build();
  }
}
