package org.storybank.query.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.storybank.query.elasticsearch.ElasticsearchProperties;
import org.storybank.query.semantic.StoryEmbedder;

/** The three projections' indexes, created (empty, under their aliases) when missing. */
@Configuration
class IndexesConfiguration {

  @Bean
  StoriesIndex storiesIndex(ElasticsearchClient client, ElasticsearchProperties properties) {
    StoriesIndex index = new StoriesIndex(client, properties);
    index.createIfMissing();
    return index;
  }

  @Bean
  EvaluationsIndex evaluationsIndex(
      ElasticsearchClient client, ElasticsearchProperties properties) {
    EvaluationsIndex index = new EvaluationsIndex(client, properties);
    index.createIfMissing();
    return index;
  }

  @Bean
  MembershipsIndex membershipsIndex(
      ElasticsearchClient client, ElasticsearchProperties properties) {
    MembershipsIndex index = new MembershipsIndex(client, properties);
    index.createIfMissing();
    return index;
  }

  @Bean
  StoryEventApplier storyEventApplier(
      StoriesIndex stories,
      EvaluationsIndex evaluations,
      MembershipsIndex memberships,
      StoryEmbedder embedder) {
    return new StoryEventApplier(stories, evaluations, memberships, embedder);
  }

  @Bean
  CohortEventApplier cohortEventApplier(StoriesIndex stories, MembershipsIndex memberships) {
    return new CohortEventApplier(stories, memberships);
  }
}
