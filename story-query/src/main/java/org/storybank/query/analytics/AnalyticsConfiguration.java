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
  PitfallTrends pitfallTrends(
      ElasticsearchClient elasticsearch, StoriesIndex stories, EvaluationsIndex evaluations) {
    return new PitfallTrends(elasticsearch, stories, evaluations, Clock.systemUTC());
  }

  @Bean
  CohortOverviews cohortOverviews(
      ElasticsearchClient elasticsearch, StoriesIndex stories, EvaluationsIndex evaluations) {
    return new CohortOverviews(
        elasticsearch, stories, new ReviewAgreement(elasticsearch, evaluations));
  }

  @Bean
  ReviewQueue reviewQueue(ElasticsearchClient elasticsearch, StoriesIndex stories) {
    return new ReviewQueue(elasticsearch, stories);
  }
}
