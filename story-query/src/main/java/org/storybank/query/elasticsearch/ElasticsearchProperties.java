package org.storybank.query.elasticsearch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the projections live: the cluster and the aliases of the stories, evaluations and
 * memberships indexes (one set per test).
 */
@ConfigurationProperties("storybank.elasticsearch")
public record ElasticsearchProperties(
    String url, String storiesIndex, String evaluationsIndex, String membershipsIndex) {

  public ElasticsearchProperties {
    evaluationsIndex = evaluationsIndex == null ? storiesIndex + "-evaluations" : evaluationsIndex;
    membershipsIndex = membershipsIndex == null ? storiesIndex + "-memberships" : membershipsIndex;
  }

  public static ElasticsearchProperties forTest(String url, String prefix) {
    return new ElasticsearchProperties(url, prefix, null, null);
  }
}
