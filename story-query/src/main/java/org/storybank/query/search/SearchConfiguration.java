package org.storybank.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.storybank.query.indexing.StoriesIndex;
import org.storybank.query.semantic.QuestionReader;
import org.storybank.query.semantic.SentenceEmbeddings;
import org.storybank.rubric.RubricCatalog;

@Configuration
class SearchConfiguration {

  @Bean
  StorySearch storySearch(
      ElasticsearchClient elasticsearch,
      StoriesIndex index,
      SentenceEmbeddings embeddings,
      QuestionReader questionReader) {
    return new StorySearch(elasticsearch, index, embeddings, questionReader);
  }

  @Bean
  StoryQueryParser storyQueryParser(RubricCatalog catalog) {
    return new StoryQueryParser(catalog);
  }
}
