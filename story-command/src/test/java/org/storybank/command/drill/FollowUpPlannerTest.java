package org.storybank.command.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.EvaluationResult.CriterionScore;
import org.storybank.api.evaluation.EvaluationResult.PitfallFinding;
import org.storybank.api.evaluation.EvaluationResult.ResultMetric;
import org.storybank.api.evaluation.Verdict;
import org.storybank.rubric.Principle;
import org.storybank.rubric.RubricCatalog;

class FollowUpPlannerTest {

  private static final RubricCatalog CATALOG = RubricCatalog.load();
  private final FollowUpPlanner planner = new FollowUpPlanner(CATALOG);
  private final Principle ownership = CATALOG.principle("ownership").orElseThrow();

  private static EvaluationResult evaluation(
      List<CriterionScore> criteria, List<PitfallFinding> pitfalls, List<ResultMetric> metrics) {
    return new EvaluationResult("v1", 55, Verdict.MIXED, false, criteria, pitfalls, metrics, "");
  }

  private String ownQuestion(String when) {
    return ownership.followUps().stream()
        .filter(followUp -> followUp.when().equals(when))
        .findFirst()
        .orElseThrow()
        .question();
  }

  @Test
  void eachPitfallFoundIsProbedWithThePrinciplesQuestionAndTheStorysWords() {
    List<FollowUp> questions =
        planner.plan(
            "ownership",
            evaluation(
                List.of(),
                List.of(new PitfallFinding("we-not-i", "we rebuilt the pipeline")),
                List.of(new ResultMetric("percent", 20, "20%"))));
    assertThat(questions.get(0))
        .isEqualTo(
            new FollowUp(
                ownQuestion("we-not-i"), "pitfall", "we-not-i", "we rebuilt the pipeline"));
  }

  @Test
  void aWeakCriterionIsProbedWithWhatAStrongAnswerShows() {
    var criterion = ownership.criteria().get(0);
    List<FollowUp> questions =
        planner.plan(
            "ownership",
            evaluation(
                List.of(
                    new CriterionScore(criterion.id(), 1, "ends at delivery"),
                    new CriterionScore(ownership.criteria().get(1).id(), 4, "")),
                List.of(),
                List.of(new ResultMetric("percent", 20, "20%"))));
    List<FollowUp> criteria =
        questions.stream().filter(q -> q.probes().equals("criterion")).toList();
    assertThat(criteria).hasSize(1);
    assertThat(criteria.get(0).target()).isEqualTo(criterion.id());
    assertThat(criteria.get(0).question())
        .contains(criterion.name())
        .contains(criterion.descriptors().get(4));
    assertThat(criteria.get(0).evidence()).isEqualTo("ends at delivery");
  }

  @Test
  void aResultWithoutFiguresIsAskedForThemOnce() {
    List<FollowUp> bare = planner.plan("ownership", evaluation(List.of(), List.of(), List.of()));
    assertThat(bare)
        .filteredOn(q -> q.probes().equals("metrics"))
        .singleElement()
        .extracting(FollowUp::question)
        .isEqualTo(ownQuestion("unquantified-result"));
    List<FollowUp> flagged =
        planner.plan(
            "ownership",
            evaluation(
                List.of(),
                List.of(new PitfallFinding("unquantified-result", "it went well")),
                List.of()));
    assertThat(flagged)
        .filteredOn(q -> q.question().equals(ownQuestion("unquantified-result")))
        .hasSize(1);
    assertThat(flagged).noneMatch(q -> q.probes().equals("metrics"));
  }

  @Test
  void aPitfallWithoutAQuestionOfItsOwnBorrowsOneOrFallsBackOnTheAdvice() {
    List<FollowUp> questions =
        planner.plan(
            "ownership",
            evaluation(
                List.of(),
                List.of(new PitfallFinding("missing-star-part", "result")),
                List.of(new ResultMetric("count", 2, "two"))));
    FollowUp star = questions.get(0);
    assertThat(star.target()).isEqualTo("missing-star-part");
    String advice =
        CATALOG.pitfalls().stream()
            .filter(p -> p.id().equals("missing-star-part"))
            .findFirst()
            .orElseThrow()
            .advice()
            .strip();
    boolean borrowed =
        CATALOG.principles().stream()
            .flatMap(p -> p.followUps().stream())
            .anyMatch(
                f -> f.when().equals("missing-star-part") && f.question().equals(star.question()));
    assertThat(borrowed || star.question().contains(advice)).isTrue();
  }

  @Test
  void anUnjudgedStoryGetsOnlyThePrinciplesStandingQuestion() {
    List<FollowUp> questions = planner.plan("ownership", null);
    assertThat(questions)
        .singleElement()
        .isEqualTo(new FollowUp(ownQuestion("always"), "principle", "ownership", ""));
  }

  @Test
  void aStoryFullOfWeaknessesGetsAtMostSixQuestionsMostTellingFirst() {
    List<PitfallFinding> pitfalls =
        List.of(
                "we-not-i",
                "no-escalation",
                "no-follow-through",
                "martyrdom",
                "vague-outcome",
                "no-reflection",
                "scope-below-level")
            .stream()
            .map(id -> new PitfallFinding(id, id))
            .toList();
    List<FollowUp> questions =
        planner.plan("ownership", evaluation(List.of(), pitfalls, List.of()));
    assertThat(questions).hasSize(FollowUpPlanner.MAX);
    assertThat(questions)
        .extracting(FollowUp::target)
        .containsExactly(
            "we-not-i",
            "no-escalation",
            "no-follow-through",
            "martyrdom",
            "vague-outcome",
            "no-reflection");
  }
}
