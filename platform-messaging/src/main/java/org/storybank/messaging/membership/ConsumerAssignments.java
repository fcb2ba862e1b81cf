package org.storybank.messaging.membership;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.actuate.health.Health;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Which running listeners have joined their group and been given their partitions (possibly none,
 * when a group has more members than partitions). A service is ready only when all of them have; a
 * listener that is not running (not started, as in tests that need no broker) is not waited for.
 */
final class ConsumerAssignments {

  private record Listener(BooleanSupplier running, boolean assigned) {}

  private final Map<String, Listener> listeners = new ConcurrentHashMap<>();

  ConsumerAwareRebalanceListener track(String listener, BooleanSupplier running) {
    listeners.put(listener, new Listener(running, false));
    return new ConsumerAwareRebalanceListener() {
      @Override
      public void onPartitionsAssigned(
          Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        listeners.put(listener, new Listener(running, true));
      }
    };
  }

  Health health() {
    Map<String, String> states = new TreeMap<>();
    listeners.forEach(
        (name, listener) ->
            states.put(
                name,
                !listener.running().getAsBoolean()
                    ? "not running"
                    : listener.assigned() ? "assigned" : "waiting for partitions"));
    Health.Builder health =
        states.containsValue("waiting for partitions") ? Health.down() : Health.up();
    return health.withDetail("listeners", states).build();
  }
}
