package org.storybank.command.publication;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.storybank.api.messaging.EventTopics;
import org.storybank.messaging.deadletter.DeadLetterTopics;

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
   * Where every consumer sends what it cannot read or apply (see {@link DeadLetterTopics}): one
   * partition each, created here with the topics themselves.
   */
  @Bean
  KafkaAdmin.NewTopics deadLetterTopics() {
    return new KafkaAdmin.NewTopics(
        DeadLetterTopics.all().stream()
            .map(topic -> TopicBuilder.name(topic).partitions(1).replicas(1).build())
            .toArray(NewTopic[]::new));
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
