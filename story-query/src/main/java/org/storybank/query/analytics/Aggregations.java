package org.storybank.query.analytics;

import static org.storybank.query.analytics.AnalyticsFields.COHORT_ID;
import static org.storybank.query.analytics.AnalyticsFields.STATUS;
import static org.storybank.query.analytics.AnalyticsFields.STORY_ID;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.storybank.api.story.StoryStatus;

/** What the cohort reports ask of Elasticsearch alike, and how they read and round its answers. */
final class Aggregations {

  private Aggregations() {}

  /** The cohort's stories as they stand, archived ones left out. */
  static Query currentStoriesOf(String cohortId) {
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.filter(f -> f.term(t -> t.field(COHORT_ID).value(FieldValue.of(cohortId))))
                        .mustNot(
                            n -> n.term(t -> t.field(STATUS).value(StoryStatus.ARCHIVED.id())))));
  }

  static Aggregation terms(String field, int size) {
    return Aggregation.of(a -> a.terms(t -> t.field(field).size(size)));
  }

  static Aggregation distinctStories() {
    return Aggregation.of(a -> a.cardinality(c -> c.field(STORY_ID)));
  }

  static List<StringTermsBucket> buckets(Aggregate aggregate) {
    return aggregate.sterms().buckets().array();
  }

  static long total(SearchResponse<?> response) {
    return response.hits().total() == null ? 0 : response.hits().total().value();
  }

  static double share(long part, long whole) {
    return whole == 0 ? 0 : round((double) part / whole);
  }

  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  static UncheckedIOException unavailable(IOException e) {
    return new UncheckedIOException("analytics are unavailable: cannot reach Elasticsearch", e);
  }
}
