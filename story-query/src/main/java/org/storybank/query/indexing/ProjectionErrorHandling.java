package org.storybank.query.indexing;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.storybank.messaging.deadletter.DeadLetterConfiguration;
import org.storybank.messaging.deadletter.DeadLetterConfiguration.TransientFailure;
import org.storybank.messaging.membership.ConsumerMembershipConfiguration;

/**
 * The projections' consumers fail as every consumer does ({@link DeadLetterConfiguration}); what
 * this service adds is which Elasticsearch answers pass by themselves: an index refusing writes
 * (read-only after the disk's flood stage, or a write block), too many requests, a node or shard
 * not available. Those hold the projection until they lift; nothing is dead-lettered for them.
 */
@Configuration
@Import({DeadLetterConfiguration.class, ConsumerMembershipConfiguration.class})
class ProjectionErrorHandling {

  private static final Set<Integer> PASSING_STATUSES = Set.of(408, 429, 502, 503, 504);
  private static final Set<String> PASSING_ERRORS =
      Set.of(
          "cluster_block_exception",
          "es_rejected_execution_exception",
          "unavailable_shards_exception",
          "no_shard_available_action_exception",
          "circuit_breaking_exception");

  @Bean
  TransientFailure elasticsearchRefusingForAWhile() {
    return cause ->
        cause instanceof ElasticsearchException refused
            && (PASSING_STATUSES.contains(refused.status())
                || (refused.error() != null && PASSING_ERRORS.contains(refused.error().type())));
  }
}
