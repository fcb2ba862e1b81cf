package org.storybank.query.search;

import java.util.List;
import java.util.Map;

/** The answer of {@code GET /api/search/stories}. */
record SearchResult(long total, List<Hit> hits, Map<String, List<FacetValue>> facets) {

  record Hit(
      String storyId,
      String title,
      double score,
      String candidateId,
      List<String> principles,
      Map<String, List<String>> highlights,
      List<String> why) {}

  record FacetValue(String value, long count) {}

  static SearchResult empty() {
    return new SearchResult(0, List.of(), Map.of());
  }
}
