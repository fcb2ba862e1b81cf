package org.storybank.messaging.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;

/**
 * Imported by every service that consumes our topics: its listeners get {@link
 * ConsumerFailureHandling}'s error handler. A service adds what it knows to be transient as beans
 * of type {@link TransientFailure}. The dead-letter topics are created by story-command, with the
 * topics themselves.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

  /** One more failure a service knows to pass by itself (tested against each cause in turn). */
  public interface TransientFailure extends Predicate<Throwable> {}

  @Bean
  RetrySettings consumerRetrySettings(
      @Value("${storybank.kafka.retry.first-interval:200ms}") Duration firstInterval,
      @Value("${storybank.kafka.retry.max-interval:10s}") Duration maxInterval,
      @Value("${storybank.kafka.retry.attempts-before-dead-letter:3}") int attempts) {
    return new RetrySettings(firstInterval, maxInterval, attempts);
  }

  @Bean
  CommonErrorHandler deadLetteringErrorHandler(
      ConsumerFactory<?, ?> consumers,
      ObjectProvider<MeterRegistry> meters,
      ObjectProvider<TransientFailure> transients,
      RetrySettings settings) {
    Map<String, Object> producer = new HashMap<>();
    producer.put(
        CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
        consumers.getConfigurationProperties().get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
    producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    KafkaTemplate<String, byte[]> deadLetters =
        new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
    return ConsumerFailureHandling.errorHandler(
        deadLetters,
        meters.getIfAvailable(SimpleMeterRegistry::new),
        new TransientFailures(
            transients.orderedStream().<Predicate<Throwable>>map(t -> t).toList()),
        settings);
  }
}
