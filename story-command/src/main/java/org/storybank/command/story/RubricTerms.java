package org.storybank.command.story;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.rubric.Criterion;
import org.storybank.rubric.PitfallDefinition;
import org.storybank.rubric.Principle;
import org.storybank.rubric.PrinciplePitfall;
import org.storybank.rubric.RubricCatalog;

/**
 * The words of the rubric a coach may score a story with: the criteria of the story's principles,
 * and the catalog's common pitfalls plus the pitfalls its principles add. A coach's evaluation
 * naming anything else would be recorded and counted in analytics as if it meant something.
 */
public final class RubricTerms {

  private final Set<String> commonPitfalls;
  private final Map<String, Set<String>> criteriaByPrinciple;
  private final Map<String, Set<String>> pitfallsByPrinciple;

  private RubricTerms(
      Set<String> commonPitfalls,
      Map<String, Set<String>> criteriaByPrinciple,
      Map<String, Set<String>> pitfallsByPrinciple) {
    this.commonPitfalls = commonPitfalls;
    this.criteriaByPrinciple = criteriaByPrinciple;
    this.pitfallsByPrinciple = pitfallsByPrinciple;
  }

  public static RubricTerms of(RubricCatalog catalog) {
    return new RubricTerms(
        catalog.pitfalls().stream().map(PitfallDefinition::id).collect(Collectors.toSet()),
        catalog.principles().stream()
            .collect(
                Collectors.toMap(
                    Principle::id,
                    principle ->
                        principle.criteria().stream()
                            .map(Criterion::id)
                            .collect(Collectors.toSet()))),
        catalog.principles().stream()
            .collect(
                Collectors.toMap(
                    Principle::id,
                    principle ->
                        principle.pitfalls().stream()
                            .map(PrinciplePitfall::id)
                            .collect(Collectors.toSet()))));
  }

  /** Refuses the first criterion or pitfall that is not the rubric's for these principles. */
  void requireKnown(EvaluationResult result, Collection<String> principles) {
    Set<String> criteria = union(criteriaByPrinciple, principles, Set.of());
    for (EvaluationResult.CriterionScore criterion : result.criteria()) {
      if (!criteria.contains(criterion.id())) {
        throw new StoryRuleViolation(
            "criteria.id",
            "'" + criterion.id() + "' is not a criterion of " + describe(principles));
      }
    }
    Set<String> pitfalls = union(pitfallsByPrinciple, principles, commonPitfalls);
    for (EvaluationResult.PitfallFinding pitfall : result.pitfalls()) {
      if (!pitfalls.contains(pitfall.id())) {
        throw new StoryRuleViolation(
            "pitfalls.id", "'" + pitfall.id() + "' is not a pitfall of " + describe(principles));
      }
    }
  }

  private static Set<String> union(
      Map<String, Set<String>> byPrinciple, Collection<String> principles, Set<String> common) {
    Set<String> all = new HashSet<>(common);
    principles.forEach(principle -> all.addAll(byPrinciple.getOrDefault(principle, Set.of())));
    return all;
  }

  private static String describe(Collection<String> principles) {
    return principles.isEmpty()
        ? "the rubric (the story has no principle)"
        : "the rubric of " + String.join(", ", List.copyOf(principles));
  }
}
