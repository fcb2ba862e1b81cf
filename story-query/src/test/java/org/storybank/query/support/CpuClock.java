package org.storybank.query.support;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;

/**
 * CPU time spent between its creation and {@link #spent()}, by the Elasticsearch node (its own
 * process statistics) and by this JVM, so a benchmark can say where the work of a search goes.
 */
public final class CpuClock {

  public record Spent(long elasticsearchMillis, long ownMillis) {}

  private final ElasticsearchClient elasticsearch;
  private final long elasticsearchStart;
  private final long ownStart;

  public CpuClock(ElasticsearchClient elasticsearch) {
    this.elasticsearch = elasticsearch;
    this.elasticsearchStart = elasticsearchMillis();
    this.ownStart = ownMillis();
  }

  public Spent spent() {
    return new Spent(elasticsearchMillis() - elasticsearchStart, ownMillis() - ownStart);
  }

  private long elasticsearchMillis() {
    try {
      return elasticsearch
          .nodes()
          .stats(
              stats ->
                  stats.metric(
                      co.elastic.clients.elasticsearch.nodes.stats.NodeStatsMetric.Process))
          .nodes()
          .values()
          .stream()
          .mapToLong(node -> node.process().cpu().totalInMillis())
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the node's CPU time", e);
    }
  }

  private static long ownMillis() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1_000_000;
  }
}
