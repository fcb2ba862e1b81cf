package org.storybank.query.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.List;
import org.storybank.api.story.StoryStatus;

/**
 * The filters every part of a search shares: the caller's scope first (from the token, never from
 * the query string), archived stories out (or only those, when asked), then what the caller
 * narrowed to.
 */
final class SearchFilters {

  private SearchFilters() {}

  static List<Query> of(SearchScope scope, StoryQuery query) {
    List<Query> filters = new ArrayList<>();
    filters.add(scope(scope));
    Query archived = Query.of(q -> q.term(t -> t.field("status").value(StoryStatus.ARCHIVED.id())));
    filters.add(query.archived() ? archived : Query.of(q -> q.bool(b -> b.mustNot(archived))));
    term(filters, "principles", query.principle());
    term(filters, "level", query.level());
    term(filters, "pitfalls", query.pitfall());
    term(filters, "verdict", query.verdict());
    term(filters, "authorId", query.candidateId());
    term(filters, "cohortId", query.cohortId());
    if (query.quantified() != null) {
      filters.add(
          Query.of(q -> q.term(t -> t.field("hasQuantifiedResult").value(query.quantified()))));
    }
    if (query.minScore() != null || query.maxScore() != null) {
      filters.add(
          Query.of(
              q ->
                  q.range(
                      r ->
                          r.number(
                              n -> {
                                n.field("score");
                                if (query.minScore() != null) {
                                  n.gte(query.minScore().doubleValue());
                                }
                                if (query.maxScore() != null) {
                                  n.lte(query.maxScore().doubleValue());
                                }
                                return n;
                              }))));
    }
    if (query.updatedFrom() != null || query.updatedTo() != null) {
      filters.add(
          Query.of(
              q ->
                  q.range(
                      r ->
                          r.date(
                              d -> {
                                d.field("updatedAt");
                                if (query.updatedFrom() != null) {
                                  d.gte(query.updatedFrom().toString());
                                }
                                if (query.updatedTo() != null) {
                                  d.lt(query.updatedTo().toString());
                                }
                                return d;
                              }))));
    }
    return filters;
  }

  static Query scope(SearchScope scope) {
    return switch (scope) {
      case SearchScope.OwnStories own ->
          Query.of(q -> q.term(t -> t.field("authorId").value(own.authorId())));
      case SearchScope.CohortStories cohorts ->
          Query.of(
              q ->
                  q.terms(
                      t ->
                          t.field("cohortId")
                              .terms(
                                  values ->
                                      values.value(
                                          cohorts.cohortIds().stream()
                                              .map(FieldValue::of)
                                              .toList()))));
      case SearchScope.Nothing nothing -> Query.of(q -> q.matchNone(none -> none));
    };
  }

  private static void term(List<Query> filters, String field, String value) {
    if (value != null) {
      filters.add(Query.of(q -> q.term(t -> t.field(field).value(value))));
    }
  }
}
