package org.storybank.messaging.membership;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * How a service's consumers hold their place in their groups. With an instance id ({@code
 * storybank.kafka.instance-id}, stable across restarts of one instance and unique among instances)
 * each listener is a static member ({@code group.instance.id} = the instance id and the listener's
 * number), so an instance that restarts, even after a kill, takes its partitions back at once
 * instead of waiting out the broker's session timeout for its dead predecessor. Without one it is a
 * dynamic member, which leaves its group when it stops (a one-off instance, as in tests: a static
 * one would hold its partitions for the session timeout after it stopped). Health stays DOWN
 * ({@code kafkaConsumers}) until every listener has been given its partitions.
 */
@Configuration(proxyBeanMethods = false)
public class ConsumerMembershipConfiguration {

  @Bean
  ConsumerAssignments consumerAssignments() {
    return new ConsumerAssignments();
  }

  @Bean
  ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>
      staticMembership(
          ConsumerAssignments assignments,
          @Value("${storybank.kafka.instance-id:}") String configuredId) {
    Optional<String> instanceId =
        configuredId.isBlank() ? Optional.empty() : Optional.of(configuredId);
    return container -> {
      String listener = container.getListenerId();
      instanceId.ifPresent(
          id ->
              container
                  .getContainerProperties()
                  .getKafkaConsumerProperties()
                  .setProperty(
                      ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                      id + "-" + listener.substring(listener.lastIndexOf('#') + 1)));
      container
          .getContainerProperties()
          .setConsumerRebalanceListener(assignments.track(listener, container::isRunning));
    };
  }

  @Bean
  HealthIndicator kafkaConsumersHealthIndicator(ConsumerAssignments assignments) {
    return assignments::health;
  }
}
