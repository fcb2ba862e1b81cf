package org.storybank.query.elasticsearch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the projections live: the cluster and the name of the stories index (one per test). */
@ConfigurationProperties("storybank.elasticsearch")
public record ElasticsearchProperties(String url, String storiesIndex) {}
