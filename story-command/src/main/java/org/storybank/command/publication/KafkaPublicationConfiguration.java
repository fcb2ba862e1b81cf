package org.storybank.command.publication;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.storybank.api.messaging.EventTopics;

@Configuration
class KafkaPublicationConfiguration {

  @Bean
  NewTopic storyEventsTopic(@Value("${storybank.kafka.topic-partitions}") int partitions) {
    return TopicBuilder.name(EventTopics.STORY_EVENTS).partitions(partitions).replicas(1).build();
  }

  @Bean
  NewTopic cohortEventsTopic(@Value("${storybank.kafka.topic-partitions}") int partitions) {
    return TopicBuilder.name(EventTopics.COHORT_EVENTS).partitions(partitions).replicas(1).build();
  }

  @Bean
  NewTopic loopEventsTopic(@Value("${storybank.kafka.topic-partitions}") int partitions) {
    return TopicBuilder.name(EventTopics.LOOP_EVENTS).partitions(partitions).replicas(1).build();
  }

  @Bean
  NewTopic drillEventsTopic(@Value("${storybank.kafka.topic-partitions}") int partitions) {
    return TopicBuilder.name(EventTopics.DRILL_EVENTS).partitions(partitions).replicas(1).build();
  }

  /**
   * A failed send must stop the publisher where it is, so that its token does not move past an
   * event the broker never acknowledged; the processor retries with back-off until the broker is
   * back.
   */
  @Autowired
  void propagatePublicationFailures(EventProcessingConfigurer processing) {
    processing.registerListenerInvocationErrorHandler(
        EventPublisher.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
  }
}
