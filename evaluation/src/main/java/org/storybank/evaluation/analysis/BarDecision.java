package org.storybank.evaluation.analysis;

import java.util.List;
import org.storybank.evaluation.analysis.Evaluation.PitfallFinding;
import org.storybank.rubric.LevelDefinition;
import org.storybank.rubric.Principle;
import org.storybank.rubric.Severity;

/**
 * Turns criteria and pitfalls into a score, a meets-bar decision and a verdict. A story meets the
 * bar of its level when it shows no major pitfall, no more minor ones than the level allows, and
 * scores at least the level's bar; both the bar and the allowance tighten with the level.
 */
record BarDecision(int score, boolean meetsBar, String verdict) {

  static BarDecision decide(
      Principle principle,
      LevelDefinition level,
      double criteriaMean,
      List<PitfallFinding> pitfalls) {
    int major = 0;
    int minor = 0;
    for (PitfallFinding finding : pitfalls) {
      if (principle.pitfall(finding.id()).severity() == Severity.MAJOR) {
        major++;
      } else {
        minor++;
      }
    }
    double cleanliness = Math.max(0, 1 - 0.25 * major - 0.1 * minor);
    int score = (int) Math.round(100 * (0.6 * criteriaMean + 0.4 * cleanliness));
    score = Math.max(0, Math.min(100, score));
    boolean meetsBar = major == 0 && minor <= level.minorPitfallsAllowed() && score >= level.bar();
    String verdict;
    if (meetsBar) {
      verdict = score >= 75 ? "strong" : "mixed";
    } else {
      verdict = score < 40 || major >= 2 ? "weak" : "mixed";
    }
    return new BarDecision(score, meetsBar, verdict);
  }
}
