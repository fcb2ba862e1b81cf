package org.storybank.gateway.deadletter;

import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.storybank.messaging.deadletter.DeadLetterStore;

@Configuration(proxyBeanMethods = false)
class DeadLetterStoreConfiguration {

  @Bean(destroyMethod = "close")
  DeadLetterStore deadLetterStore(KafkaProperties kafka) {
    return new DeadLetterStore(String.join(",", kafka.getBootstrapServers()));
  }
}
