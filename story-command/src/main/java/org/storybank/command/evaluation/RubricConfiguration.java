package org.storybank.command.evaluation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.storybank.command.story.RubricTerms;
import org.storybank.rubric.RubricCatalog;

/** The catalog a coach's evaluation is checked against, given to the Story aggregate's handler. */
@Configuration
class RubricConfiguration {

  @Bean
  RubricTerms rubricTerms() {
    return RubricTerms.of(RubricCatalog.load());
  }
}
