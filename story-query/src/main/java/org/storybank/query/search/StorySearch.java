package org.storybank.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.storybank.query.indexing.StoriesIndex;
import org.storybank.query.projection.StoryDocument;

/**
 * Full-text search over the caller's stories, with the caller's scope as a filter that always
 * applies.
 */
@Component
class StorySearch {

  private static final List<String> TEXT_FIELDS =
      List.of(
          "title^3",
          "prompts.text^2",
          "prompts.angle",
          "action^1.5",
          "result^1.2",
          "situation",
          "task");
  private static final List<String> HIGHLIGHTED =
      List.of("title", "prompts.text", "prompts.angle", "situation", "task", "action", "result");
  private static final Map<String, String> FACET_FIELDS =
      Map.of("principle", "principles", "level", "level");

  private final ElasticsearchClient elasticsearch;
  private final StoriesIndex index;

  StorySearch(ElasticsearchClient elasticsearch, StoriesIndex index) {
    this.elasticsearch = elasticsearch;
    this.index = index;
  }

  SearchResult search(SearchScope scope, StoryQuery query) {
    if (scope instanceof SearchScope.Nothing) {
      return SearchResult.empty();
    }
    try {
      SearchResponse<StoryDocument> response =
          elasticsearch.search(
              search -> {
                search
                    .index(index.name())
                    .size(query.size())
                    .trackTotalHits(total -> total.enabled(true))
                    .query(q -> q.bool(bool -> filtered(bool, scope, query)));
                if (query.hasText()) {
                  search.highlight(
                      highlight ->
                          highlight
                              .fields(
                                  HIGHLIGHTED.stream()
                                      .map(
                                          field ->
                                              NamedValue.of(
                                                  field,
                                                  HighlightField.of(f -> f.numberOfFragments(2))))
                                      .toList())
                              // fragments are HTML: the story's own text in them is escaped
                              .encoder(HighlighterEncoder.Html)
                              .preTags("<em>")
                              .postTags("</em>"));
                }
                FACET_FIELDS.forEach(
                    (facet, field) ->
                        search.aggregations(facet, agg -> agg.terms(t -> t.field(field).size(30))));
                return search;
              },
              StoryDocument.class);
      return toResult(response, query);
    } catch (IOException e) {
      throw new UncheckedIOException("search is unavailable: cannot reach Elasticsearch", e);
    }
  }

  private static BoolQuery.Builder filtered(
      BoolQuery.Builder bool, SearchScope scope, StoryQuery query) {
    bool.filter(scopeFilter(scope));
    bool.mustNot(archived -> archived.term(term -> term.field("status").value("archived")));
    if (query.hasText()) {
      bool.must(must -> must.multiMatch(match -> match.query(query.text()).fields(TEXT_FIELDS)));
    }
    termFilter(bool, "principles", query.principle());
    termFilter(bool, "level", query.level());
    termFilter(bool, "authorId", query.candidateId());
    termFilter(bool, "cohortId", query.cohortId());
    return bool;
  }

  private static Query scopeFilter(SearchScope scope) {
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

  private static void termFilter(BoolQuery.Builder bool, String field, String value) {
    if (value != null && !value.isBlank()) {
      bool.filter(filter -> filter.term(term -> term.field(field).value(value)));
    }
  }

  private static SearchResult toResult(SearchResponse<StoryDocument> response, StoryQuery query) {
    List<SearchResult.Hit> hits = new ArrayList<>();
    for (Hit<StoryDocument> hit : response.hits().hits()) {
      StoryDocument story = hit.source();
      if (story == null) {
        continue;
      }
      hits.add(
          new SearchResult.Hit(
              story.storyId(),
              story.title(),
              hit.score() == null ? 0 : hit.score(),
              story.authorId(),
              story.principles(),
              hit.highlight(),
              why(story, hit.highlight(), query)));
    }
    Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
    response.aggregations().forEach((name, aggregate) -> facets.put(name, facetValues(aggregate)));
    long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
    return new SearchResult(total, hits, facets);
  }

  private static List<SearchResult.FacetValue> facetValues(Aggregate aggregate) {
    return aggregate.sterms().buckets().array().stream()
        .map(bucket -> new SearchResult.FacetValue(bucket.key().stringValue(), bucket.docCount()))
        .toList();
  }

  private static List<String> why(
      StoryDocument story, Map<String, List<String>> highlights, StoryQuery query) {
    List<String> reasons = new ArrayList<>();
    if (query.principle() != null && story.principles().contains(query.principle())) {
      reasons.add("tagged with principle " + query.principle());
    }
    highlights.keySet().forEach(field -> reasons.add("your words appear in the " + field));
    return reasons;
  }
}
