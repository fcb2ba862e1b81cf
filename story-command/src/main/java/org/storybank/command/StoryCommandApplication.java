package org.storybank.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class StoryCommandApplication {

  public static void main(String[] args) {
    // Nothing may call out at run time: Axon's update checker phones home unless told not to.
    System.setProperty("axoniq.update-checker.disabled", "true");
    SpringApplication.run(StoryCommandApplication.class, args);
  }
}
