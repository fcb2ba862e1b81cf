package org.storybank.command.drill;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.rubric.Criterion;
import org.storybank.rubric.FollowUpTrigger;
import org.storybank.rubric.PitfallDefinition;
import org.storybank.rubric.Principle;
import org.storybank.rubric.RubricCatalog;

/**
 * The follow-up questions an interviewer would ask about one story, from its latest automatic
 * evaluation and the rubric: one per pitfall found (the principle's own question for it, else
 * another principle's, else the pitfall's advice), one per weak criterion (scored 1 or 2), one on
 * the figures when the result has none, then the principle's question asked of every story. At most
 * {@value #MAX} questions, the most telling first.
 */
final class FollowUpPlanner {

  static final int MAX = 6;
  static final int WEAK_CRITERION = 2;
  private static final String UNQUANTIFIED = "unquantified-result";

  private final RubricCatalog catalog;

  FollowUpPlanner(RubricCatalog catalog) {
    this.catalog = catalog;
  }

  /** {@code evaluation} null: the story is not judged yet; only the principle's question. */
  List<FollowUp> plan(String principleId, EvaluationResult evaluation) {
    Principle principle = catalog.principle(principleId).orElseThrow();
    List<FollowUp> questions = new ArrayList<>();
    Set<String> asked = new LinkedHashSet<>();
    if (evaluation != null) {
      for (EvaluationResult.PitfallFinding pitfall : evaluation.pitfalls()) {
        pitfallQuestion(principle, pitfall.id())
            .filter(asked::add)
            .ifPresent(
                question ->
                    questions.add(
                        new FollowUp(question, "pitfall", pitfall.id(), text(pitfall.evidence()))));
      }
      for (EvaluationResult.CriterionScore score : evaluation.criteria()) {
        if (score.score() <= WEAK_CRITERION) {
          criterionQuestion(principle, score.id())
              .filter(asked::add)
              .ifPresent(
                  question ->
                      questions.add(
                          new FollowUp(question, "criterion", score.id(), text(score.evidence()))));
        }
      }
      boolean pitfallCoversFigures =
          evaluation.pitfalls().stream().anyMatch(pitfall -> UNQUANTIFIED.equals(pitfall.id()));
      if (evaluation.metrics().isEmpty() && !pitfallCoversFigures) {
        pitfallQuestion(principle, UNQUANTIFIED)
            .filter(asked::add)
            .ifPresent(
                question ->
                    questions.add(
                        new FollowUp(
                            question, "metrics", UNQUANTIFIED, "no figure in the result")));
      }
    }
    principle.followUps().stream()
        .filter(followUp -> FollowUpTrigger.ALWAYS.equals(followUp.when()))
        .map(org.storybank.rubric.FollowUp::question)
        .filter(asked::add)
        .forEach(question -> questions.add(new FollowUp(question, "principle", principleId, "")));
    return questions.size() > MAX ? List.copyOf(questions.subList(0, MAX)) : List.copyOf(questions);
  }

  private Optional<String> pitfallQuestion(Principle principle, String pitfallId) {
    Optional<String> own = question(principle, pitfallId);
    if (own.isPresent()) {
      return own;
    }
    for (Principle other : catalog.principles()) {
      Optional<String> borrowed = question(other, pitfallId);
      if (borrowed.isPresent()) {
        return borrowed;
      }
    }
    return catalog.pitfalls().stream()
        .filter(definition -> definition.id().equals(pitfallId))
        .findFirst()
        .map(FollowUpPlanner::fromAdvice);
  }

  private static Optional<String> question(Principle principle, String when) {
    return principle.followUps().stream()
        .filter(followUp -> when.equals(followUp.when()))
        .map(org.storybank.rubric.FollowUp::question)
        .findFirst();
  }

  private static String fromAdvice(PitfallDefinition pitfall) {
    return "An interviewer would press on this ("
        + pitfall.name().toLowerCase(Locale.ROOT)
        + "). "
        + pitfall.advice().strip()
        + " How would you tell it now?";
  }

  private static Optional<String> criterionQuestion(Principle principle, String criterionId) {
    return principle.criteria().stream()
        .filter(criterion -> criterion.id().equals(criterionId))
        .findFirst()
        .map(FollowUpPlanner::fromCriterion);
  }

  private static String fromCriterion(Criterion criterion) {
    String strong = criterion.descriptors().getOrDefault(4, "").strip();
    return "Where in this story do you show \""
        + criterion.name()
        + "\"?"
        + (strong.isEmpty() ? "" : " A strong answer: " + strong);
  }

  private static String text(String evidence) {
    return evidence == null ? "" : evidence;
  }
}
