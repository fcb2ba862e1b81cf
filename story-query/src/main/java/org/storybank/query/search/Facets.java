package org.storybank.query.search;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.TermsAggregationExecutionHint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The facets every search answers with, counted by Elasticsearch within the caller's scope. */
final class Facets {

  private static final Map<String, String> TERMS =
      Map.of(
          "principle", "principles",
          "level", "level",
          "pitfall", "pitfalls",
          "verdict", "verdict",
          "candidate", "authorId",
          "cohort", "cohortId",
          "quantified", "hasQuantifiedResult");

  /** Score bands as {@code minScore}/{@code maxScore} would select them. */
  static final List<int[]> SCORE_BANDS =
      List.of(new int[] {0, 39}, new int[] {40, 59}, new int[] {60, 79}, new int[] {80, 100});

  private Facets() {}

  static Map<String, Aggregation> aggregations() {
    Map<String, Aggregation> aggregations = new LinkedHashMap<>();
    TERMS.forEach(
        (facet, field) ->
            aggregations.put(
                facet,
                Aggregation.of(
                    a ->
                        a.terms(
                            t ->
                                t.field(field)
                                    .size(50)
                                    // a caller's matches are a few thousand stories at most:
                                    // counting their values directly beats global ordinals
                                    .executionHint(TermsAggregationExecutionHint.Map)))));
    aggregations.put(
        "scoreBand",
        Aggregation.of(
            a ->
                a.range(
                    r -> {
                      r.field("score");
                      for (int[] band : SCORE_BANDS) {
                        r.ranges(
                            range ->
                                range
                                    .key(band[0] + "-" + band[1])
                                    .from((double) band[0])
                                    .to((double) band[1] + 1));
                      }
                      return r;
                    })));
    return aggregations;
  }

  static Map<String, List<SearchResult.FacetValue>> read(Map<String, Aggregate> aggregates) {
    Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
    aggregates.forEach((name, aggregate) -> facets.put(name, values(aggregate)));
    return facets;
  }

  private static List<SearchResult.FacetValue> values(Aggregate aggregate) {
    if (aggregate.isSterms()) {
      return aggregate.sterms().buckets().array().stream()
          .map(bucket -> new SearchResult.FacetValue(bucket.key().stringValue(), bucket.docCount()))
          .toList();
    }
    if (aggregate.isLterms()) {
      return aggregate.lterms().buckets().array().stream()
          .map(
              bucket ->
                  new SearchResult.FacetValue(
                      bucket.keyAsString() != null
                          ? bucket.keyAsString()
                          : Long.toString(bucket.key()),
                      bucket.docCount()))
          .toList();
    }
    if (aggregate.isRange()) {
      return aggregate.range().buckets().array().stream()
          .map(bucket -> new SearchResult.FacetValue(bucket.key(), bucket.docCount()))
          .toList();
    }
    return List.of();
  }
}
