package org.storybank.query.projection;

import java.time.Instant;
import java.util.List;
import org.storybank.api.evaluation.EvaluationResult;
import org.storybank.api.evaluation.Evaluator;
import org.storybank.api.story.StoryEvents.EvaluationRecorded;

/** One evaluation of a story as search and analytics read it. */
public record Assessment(
    String evaluationId,
    String evaluator,
    String evaluatorId,
    int revision,
    String rubricVersion,
    int score,
    String verdict,
    boolean meetsBar,
    List<String> pitfalls,
    List<Criterion> criteria,
    List<Metric> metrics,
    Instant recordedAt) {

  public Assessment {
    pitfalls = pitfalls == null ? List.of() : List.copyOf(pitfalls);
    criteria = criteria == null ? List.of() : List.copyOf(criteria);
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
  }

  public record Criterion(String id, int score) {}

  public record Metric(String kind, double value) {}

  public static Assessment of(EvaluationRecorded event, Instant recordedAt) {
    // a figure inside a confidential span is withheld from readers other than the author
    EvaluationResult result = event.shared();
    return new Assessment(
        event.evaluationId(),
        kindOf(event.evaluator()),
        event.evaluator().id(),
        event.revision(),
        result.rubricVersion(),
        result.score(),
        result.verdict().id(),
        result.meetsBar(),
        result.pitfalls().stream().map(EvaluationResult.PitfallFinding::id).distinct().toList(),
        result.criteria().stream()
            .map(criterion -> new Criterion(criterion.id(), criterion.score()))
            .toList(),
        result.metrics().stream().map(metric -> new Metric(metric.kind(), metric.value())).toList(),
        recordedAt);
  }

  public boolean automatic() {
    return "automatic".equals(evaluator);
  }

  private static String kindOf(Evaluator evaluator) {
    return evaluator.kind() == Evaluator.Kind.AUTOMATIC ? "automatic" : "coach";
  }
}
