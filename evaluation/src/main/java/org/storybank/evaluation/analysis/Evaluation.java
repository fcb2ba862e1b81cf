package org.storybank.evaluation.analysis;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The analyser's verdict on one story, in the shape of `./storybank evaluate`'s output. */
@JsonPropertyOrder({
  "id",
  "principle",
  "level",
  "score",
  "meetsBar",
  "verdict",
  "pitfalls",
  "criteria",
  "metrics",
  "followUps",
  "rubricVersion"
})
public record Evaluation(
    String id,
    String principle,
    String level,
    int score,
    boolean meetsBar,
    String verdict,
    List<PitfallFinding> pitfalls,
    List<CriterionScore> criteria,
    List<Metric> metrics,
    List<String> followUps,
    String rubricVersion) {

  public Evaluation {
    pitfalls = List.copyOf(pitfalls);
    criteria = List.copyOf(criteria);
    metrics = List.copyOf(metrics);
    followUps = List.copyOf(followUps);
  }

  /** A pitfall the story shows, the words that show it (or what is missing), and what to do. */
  @JsonPropertyOrder({"id", "evidence", "advice"})
  public record PitfallFinding(String id, String evidence, String advice) {}

  /** A rubric criterion's score from 1 to 4 and what in the story supports it. */
  @JsonPropertyOrder({"id", "score", "evidence"})
  public record CriterionScore(String id, int score, String evidence) {}

  public boolean hasPitfall(String pitfallId) {
    return pitfalls.stream().anyMatch(pitfall -> pitfall.id().equals(pitfallId));
  }
}
