package org.storybank.query.loop;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.storybank.query.search.QuestionAnswers;
import org.storybank.query.search.StorySearch;

@Configuration
class LoopConfiguration {

  @Bean
  QuestionAnswers questionAnswers(StorySearch search) {
    return new QuestionAnswers(search);
  }
}
