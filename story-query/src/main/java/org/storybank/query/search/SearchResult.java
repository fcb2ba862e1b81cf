package org.storybank.query.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The answer of {@code GET /api/search/stories}. */
record SearchResult(
    long total,
    int from,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    List<String> questionPrinciples,
    boolean nothingFits) {

  /**
   * One story found. {@code score} is the fused relevance (or the sort value's rank order when
   * sorted otherwise); {@code storyScore} is the story's evaluation score 0–100.
   */
  record Hit(
      String storyId,
      String title,
      double score,
      String candidateId,
      String cohortId,
      List<String> principles,
      String level,
      String status,
      Integer storyScore,
      String verdict,
      List<String> pitfalls,
      boolean quantified,
      Instant updatedAt,
      Map<String, List<String>> highlights,
      List<String> why,
      Match match) {}

  /** The separate signals behind a hit's place, for clients that show them. */
  record Match(
      Integer lexicalRank,
      Double storySimilarity,
      Double promptSimilarity,
      List<String> principlesMatched) {}

  record FacetValue(String value, long count) {}

  static SearchResult empty(int from) {
    return new SearchResult(0, from, List.of(), Map.of(), List.of(), false);
  }
}
