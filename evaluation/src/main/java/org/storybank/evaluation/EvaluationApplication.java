package org.storybank.evaluation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EvaluationApplication {

  public static void main(String[] args) {
    SpringApplication.run(EvaluationApplication.class, args);
  }
}
