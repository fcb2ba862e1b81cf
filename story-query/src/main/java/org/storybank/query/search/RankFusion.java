package org.storybank.query.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion: a story's fused score is the sum over the rankings of {@code weight / (K
 * + rank)}; a small K keeps the first places clearly apart. Ranks, not raw scores, are added,
 * because BM25 scores and cosine similarities live on different scales. A principle the question is
 * about adds a bonus to the stories tagged with it, as if they stood first in one more ranking,
 * scaled by how sure the catalog is.
 */
final class RankFusion {

  static final int K = 20;

  private final Map<String, Double> scores = new HashMap<>();
  private final Map<String, Integer> firstSeen = new LinkedHashMap<>();

  void addRanking(List<String> ids, double weight) {
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      scores.merge(id, weight / (K + i + 1), Double::sum);
      firstSeen.putIfAbsent(id, firstSeen.size());
    }
  }

  /** Counts as a first place in one more ranking, times {@code weight}; only for ranked ids. */
  void addBonus(String id, double weight) {
    if (scores.containsKey(id)) {
      scores.merge(id, weight / (K + 1), Double::sum);
    }
  }

  double score(String id) {
    return scores.getOrDefault(id, 0.0);
  }

  /** Best first; ties keep the order in which the stories were first seen. */
  List<String> ranked() {
    List<String> ids = new ArrayList<>(scores.keySet());
    ids.sort(
        Comparator.comparingDouble((String id) -> scores.get(id))
            .reversed()
            .thenComparingInt(firstSeen::get));
    return ids;
  }
}
