package org.storybank.query.search;

import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One story as a ranking returned it: what fusion and sorting need, read from doc values, with the
 * ranking's score and the scores of the named queries it matched.
 */
record Ranked(
    String storyId,
    List<String> principles,
    Integer score,
    Instant updatedAt,
    Double relevance,
    Map<String, Double> named) {
  Ranked withRelevance(Double value) {
    return new Ranked(storyId, principles, score, updatedAt, value, named);
  }

  static Ranked of(Hit<?> hit) {
    Map<String, JsonData> fields = hit.fields();
    String storyId = String.valueOf(fields.get("storyId").to(List.class).get(0));
    List<String> principles = new ArrayList<>();
    if (fields.containsKey("principles")) {
      for (Object value : fields.get("principles").to(List.class)) {
        principles.add(String.valueOf(value));
      }
    }
    Integer score =
        fields.containsKey("score")
            ? ((Number) fields.get("score").to(List.class).get(0)).intValue()
            : null;
    Instant updatedAt =
        fields.containsKey("updatedAt")
            ? Instant.ofEpochMilli(
                Long.parseLong(String.valueOf(fields.get("updatedAt").to(List.class).get(0))))
            : null;
    return new Ranked(
        storyId,
        principles,
        score,
        updatedAt,
        hit.score(),
        hit.matchedQueries() == null ? Map.of() : hit.matchedQueries());
  }
}
