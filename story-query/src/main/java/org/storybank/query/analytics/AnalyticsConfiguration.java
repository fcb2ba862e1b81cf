package org.storybank.query.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.storybank.query.indexing.EvaluationsIndex;
import org.storybank.query.indexing.StoriesIndex;

@Configuration
class AnalyticsConfiguration {

  @Bean
  CohortAnalytics cohortAnalytics(
      ElasticsearchClient elasticsearch, StoriesIndex stories, EvaluationsIndex evaluations) {
    return new CohortAnalytics(elasticsearch, stories, evaluations, Clock.systemUTC());
  }

  @Bean
  ReviewQueue reviewQueue(ElasticsearchClient elasticsearch, StoriesIndex stories) {
    return new ReviewQueue(elasticsearch, stories);
  }
}
