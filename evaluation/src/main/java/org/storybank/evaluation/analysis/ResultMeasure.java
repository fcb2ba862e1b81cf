package org.storybank.evaluation.analysis;

import java.util.Set;

/**
 * Whether a result is measured. Changes, ratios, money, percentages and ratings always are. A bare
 * duration or count ("after three weeks", "the two teams") only counts when the result is not
 * otherwise vague: "we launched after three weeks and the client was happy" measures nothing.
 */
final class ResultMeasure {

  private static final Set<String> ALWAYS_A_MEASURE =
      Set.of(
          MetricKind.CHANGE.id(),
          MetricKind.RATIO.id(),
          MetricKind.MONEY.id(),
          MetricKind.PERCENT.id(),
          MetricKind.RATING.id());

  private ResultMeasure() {}

  static boolean isMeasured(StoryReading story) {
    if (story.resultMetrics().isEmpty()) {
      return false;
    }
    for (Metric metric : story.resultMetrics()) {
      if (ALWAYS_A_MEASURE.contains(metric.kind())) {
        return true;
      }
    }
    int vague = story.count(Lexicon.VAGUE_OUTCOME, Field.RESULT);
    int concrete = story.count(Lexicon.CONCRETE_OUTCOME, Field.RESULT);
    return vague == 0 || concrete >= vague;
  }
}
