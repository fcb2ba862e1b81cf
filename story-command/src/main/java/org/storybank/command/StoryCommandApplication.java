package org.storybank.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class StoryCommandApplication {

  static {
    // Nothing may call out at run time: Axon's update checker phones home unless told not to. Set
    // when the class loads, so that every way of starting it (main, tests, benchmarks) is covered.
    System.setProperty("axoniq.update-checker.disabled", "true");
  }

  public static void main(String[] args) {
    SpringApplication.run(StoryCommandApplication.class, args);
  }
}
