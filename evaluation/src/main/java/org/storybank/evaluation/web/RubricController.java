package org.storybank.evaluation.web;

import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.api.Level;
import org.storybank.rubric.LevelDefinition;
import org.storybank.rubric.PitfallDefinition;
import org.storybank.rubric.Principle;
import org.storybank.rubric.RubricCatalog;

/** What the evaluator judges against: the rubric catalog, its version and its levels. */
@RestController
class RubricController {

  /** The catalog as served: its version, levels, the fixed pitfalls and every principle. */
  record RubricCatalogView(
      String rubricVersion,
      String name,
      List<String> principleIds,
      List<String> levelIds,
      List<LevelDefinition> levels,
      List<PitfallDefinition> pitfalls,
      List<Principle> principles) {}

  private final RubricCatalog catalog;

  RubricController(RubricCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/api/rubrics")
  RubricCatalogView catalog() {
    return new RubricCatalogView(
        catalog.version(),
        catalog.name(),
        catalog.principles().stream().map(Principle::id).toList(),
        Arrays.stream(Level.values()).map(Level::id).toList(),
        catalog.levels(),
        catalog.pitfalls(),
        catalog.principles());
  }
}
