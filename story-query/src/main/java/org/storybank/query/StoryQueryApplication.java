package org.storybank.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StoryQueryApplication {

  public static void main(String[] args) {
    SpringApplication.run(StoryQueryApplication.class, args);
  }
}
