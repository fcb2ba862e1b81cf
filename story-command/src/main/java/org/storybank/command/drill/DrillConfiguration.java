package org.storybank.command.drill;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.storybank.rubric.RubricCatalog;

@Configuration
class DrillConfiguration {

  @Bean
  FollowUpPlanner followUpPlanner() {
    return new FollowUpPlanner(RubricCatalog.load());
  }
}
