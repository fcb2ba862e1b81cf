package org.storybank.evaluation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.storybank.evaluation.analysis.StoryAnalyser;
import org.storybank.rubric.RubricCatalog;

/** The rubric catalog and the analyser as beans; both are plain Java and thread-safe. */
@Configuration(proxyBeanMethods = false)
class EvaluationConfiguration {

  @Bean
  RubricCatalog rubricCatalog() {
    return RubricCatalog.load();
  }

  @Bean
  StoryAnalyser storyAnalyser(RubricCatalog rubricCatalog) {
    return new StoryAnalyser(rubricCatalog);
  }
}
