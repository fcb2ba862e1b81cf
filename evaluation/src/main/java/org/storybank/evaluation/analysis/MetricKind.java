package org.storybank.evaluation.analysis;

/** The kinds of figures the metric extractor recognises. */
public enum MetricKind {
  CHANGE("change"),
  RATIO("ratio"),
  MONEY("money"),
  PERCENT("percent"),
  PERCENTAGE_POINTS("percentage-points"),
  DURATION("duration"),
  SIZE("size"),
  RATING("rating"),
  COUNT("count");

  private final String id;

  MetricKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
