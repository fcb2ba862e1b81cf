package org.storybank.command.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

@Configuration
class AggregateConfiguration {

  /** A snapshot every N events keeps loading a long-lived, much-edited story cheap. */
  @Bean
  SnapshotTriggerDefinition storySnapshotTrigger(
      Snapshotter snapshotter, @Value("${storybank.command.snapshot-every:50}") int threshold) {
    return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
  }

  @Bean
  Cache storyCache(@Value("${storybank.command.cached-stories:10000}") long maximumSize) {
    return new CaffeineAggregateCache(maximumSize, Duration.ofMinutes(10));
  }

  /** The application's own mapper (HTTP, Kafka), as Spring Boot would have made it. */
  @Bean
  @Primary
  ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
    return builder.build();
  }

  /**
   * Axon's serializer for events and snapshots. Snapshots serialise the aggregate's private fields;
   * unknown properties are ignored so that an event or snapshot written by a newer version of a
   * record still reads.
   */
  @Bean
  ObjectMapper defaultAxonObjectMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
  }
}
