package org.storybank.query.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import java.io.IOException;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code elasticsearch} in the health groups: up while the cluster answers and is not red, so that
 * an instance that cannot reach its indexes is taken out of the load balancer (readiness).
 */
@Component("elasticsearch")
class ElasticsearchHealth extends AbstractHealthIndicator {

  private final ElasticsearchClient elasticsearch;

  ElasticsearchHealth(ElasticsearchClient elasticsearch) {
    super("Elasticsearch is not reachable");
    this.elasticsearch = elasticsearch;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) throws IOException {
    HealthStatus status = elasticsearch.cluster().health().status();
    (status == HealthStatus.Red ? health.down() : health.up())
        .withDetail("cluster", status.jsonValue());
  }
}
