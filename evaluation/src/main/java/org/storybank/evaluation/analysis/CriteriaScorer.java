package org.storybank.evaluation.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.storybank.evaluation.analysis.Evaluation.CriterionScore;
import org.storybank.rubric.Criterion;
import org.storybank.rubric.Principle;
import org.storybank.rubric.Signal;

/** Scores each criterion of a principle from the weighted signals it names. */
final class CriteriaScorer {

  /** The criteria's scores and their mean on a 0..1 scale. */
  record Scored(List<CriterionScore> scores, double mean) {}

  Scored score(Principle principle, Map<Signal, SignalReading> signals) {
    List<CriterionScore> scores = new ArrayList<>();
    double sum = 0;
    for (Criterion criterion : principle.criteria()) {
      double weighted = 0;
      double weights = 0;
      for (Map.Entry<Signal, Double> entry : criterion.signals().entrySet()) {
        weighted += entry.getValue() * signals.get(entry.getKey()).strength();
        weights += entry.getValue();
      }
      double value = weights == 0 ? 0 : weighted / weights;
      sum += value;
      int score = (int) Math.max(1, Math.min(4, 1 + Math.round(3 * value)));
      scores.add(new CriterionScore(criterion.id(), score, evidence(criterion, signals)));
    }
    return new Scored(
        scores, principle.criteria().isEmpty() ? 0 : sum / principle.criteria().size());
  }

  /** The evidence of the heaviest signal the story shows, or of the heaviest one it lacks. */
  private static String evidence(Criterion criterion, Map<Signal, SignalReading> signals) {
    List<Map.Entry<Signal, Double>> byWeight =
        criterion.signals().entrySet().stream()
            .sorted(
                Map.Entry.<Signal, Double>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(entry -> entry.getKey().ordinal()))
            .toList();
    for (Map.Entry<Signal, Double> entry : byWeight) {
      SignalReading reading = signals.get(entry.getKey());
      if (reading.strength() > 0) {
        return reading.evidence();
      }
    }
    return signals.get(byWeight.get(0).getKey()).evidence();
  }
}
