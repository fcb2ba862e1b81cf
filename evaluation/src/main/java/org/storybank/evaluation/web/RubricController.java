package org.storybank.evaluation.web;

import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.api.Level;
import org.storybank.api.Principles;

/** What the evaluator judges against: the principles and the levels it scales its bar by. */
@RestController
class RubricController {

  record RubricCatalog(List<String> principles, List<String> levels) {}

  @GetMapping("/api/rubrics")
  RubricCatalog catalog() {
    return new RubricCatalog(
        Principles.AMAZON_LEADERSHIP, Arrays.stream(Level.values()).map(Level::id).toList());
  }
}
