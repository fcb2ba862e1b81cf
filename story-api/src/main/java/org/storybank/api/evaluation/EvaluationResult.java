package org.storybank.api.evaluation;

import java.util.List;

/**
 * A judgement of one story revision against a rubric: criteria scores 1–4, pitfalls with the words
 * that show them, result metrics found in the text, an overall score 0–100 and verdict, and notes.
 */
public record EvaluationResult(
    String rubricVersion,
    int score,
    Verdict verdict,
    boolean meetsBar,
    List<CriterionScore> criteria,
    List<PitfallFinding> pitfalls,
    List<ResultMetric> metrics,
    String notes) {

  public EvaluationResult {
    criteria = criteria == null ? List.of() : List.copyOf(criteria);
    pitfalls = pitfalls == null ? List.of() : List.copyOf(pitfalls);
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
    notes = notes == null ? "" : notes;
  }

  public record CriterionScore(String id, int score, String evidence) {}

  public record PitfallFinding(String id, String evidence) {}

  public record ResultMetric(String kind, double value, String text) {}
}
