package org.storybank.query.semantic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.storybank.rubric.RubricCatalog;

@Configuration
class SemanticConfiguration {

  @Bean
  SentenceEmbeddings sentenceEmbeddings() {
    return new SentenceEmbeddings();
  }

  @Bean
  StoryEmbedder storyEmbedder(SentenceEmbeddings embeddings) {
    return new StoryEmbedder(embeddings);
  }

  @Bean
  RubricCatalog rubricCatalog() {
    return RubricCatalog.load();
  }

  @Bean
  QuestionReader questionReader(RubricCatalog catalog) {
    return new QuestionReader(catalog);
  }

  @Bean
  PromptPrinciples promptPrinciples(RubricCatalog catalog, SentenceEmbeddings embeddings) {
    return new PromptPrinciples(catalog, embeddings);
  }
}
