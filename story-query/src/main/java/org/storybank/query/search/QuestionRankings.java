package org.storybank.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldAndFormat;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.elasticsearch.core.search.SearchRequestBody;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.storybank.query.indexing.StoriesIndex;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.semantic.InferredPrinciple;

/**
 * The three rankings of a question under the caller's filters, from one multi-search: words (BM25
 * over title, linked prompts and STAR text); both meanings (the story's and its linked prompts'
 * MiniLM vectors, exact kNN) in one search, told apart by named-query scores; and the total and
 * facets of every story any ranking matched.
 */
final class QuestionRankings {

  static final float MIN_STORY_SIMILARITY = 0.35f;
  static final float MIN_PROMPT_SIMILARITY = 0.45f;

  /** A story tagged with a principle this probable for the question is a candidate. */
  static final double CANDIDATE_PRINCIPLE = 0.10;

  private static final String STORY_RANKING = "story";
  private static final String PROMPTS_RANKING = "prompts";

  /**
   * What fusion and sorting need of each ranked story, the id included, read from doc values: with
   * no stored field asked for, Elasticsearch never decompresses a story's stored source (which
   * holds its two vectors) to rank it. The page's stories are read in full afterwards.
   */
  private static final List<String> RANKING_FIELDS =
      List.of("storyId", "principles", "score", "updatedAt");

  private final ElasticsearchClient elasticsearch;
  private final StoriesIndex index;

  QuestionRankings(ElasticsearchClient elasticsearch, StoriesIndex index) {
    this.elasticsearch = elasticsearch;
    this.index = index;
  }

  /** What each ranking said of the stories it reached, by story id. */
  record Signals(
      Map<String, Ranked> documents,
      Map<String, Integer> lexicalRanks,
      Map<String, Double> lexicalScores,
      Map<String, Double> storySimilarity,
      Map<String, Double> promptSimilarity,
      ResponseBody<StoryDocument> counts) {

    /** Every story reached, with what fusion reads of it. */
    List<QuestionFusion.Candidate> candidates() {
      List<QuestionFusion.Candidate> candidates = new ArrayList<>();
      for (Ranked story : documents.values()) {
        candidates.add(
            new QuestionFusion.Candidate(
                story.storyId(),
                lexicalScores.getOrDefault(story.storyId(), 0.0),
                storySimilarity.get(story.storyId()),
                promptSimilarity.get(story.storyId()),
                story.principles()));
      }
      return candidates;
    }

    /** Stories some ranking matched: by words, or fairly close in meaning. */
    Set<String> matched() {
      Set<String> found = new java.util.HashSet<>(lexicalRanks.keySet());
      storySimilarity.forEach(
          (id, cosine) -> {
            if (closeByStory(cosine)) {
              found.add(id);
            }
          });
      promptSimilarity.forEach(
          (id, cosine) -> {
            if (closeByPrompts(cosine)) {
              found.add(id);
            }
          });
      return found;
    }

    SearchResult.Match match(String storyId, List<String> matchedPrinciples) {
      return new SearchResult.Match(
          lexicalRanks.get(storyId),
          storySimilarity.get(storyId),
          promptSimilarity.get(storyId),
          matchedPrinciples);
    }
  }

  Signals rank(
      List<Query> filters,
      Set<String> terms,
      float[] vector,
      List<InferredPrinciple> principles,
      int window)
      throws IOException {
    List<Float> queryVector = new ArrayList<>(vector.length);
    for (float value : vector) {
      queryVector.add(value);
    }
    Query lexical = lexical(terms);
    // the rankings order every story by meaning; only fairly close ones count as matches
    Query byStory = knn("vectors.story", queryVector, window, null, filters, STORY_RANKING);
    Query byPrompts = knn("vectors.prompts", queryVector, window, null, filters, PROMPTS_RANKING);
    Query closeStory =
        knn("vectors.story", queryVector, window, MIN_STORY_SIMILARITY, filters, null);
    Query closePrompts =
        knn("vectors.prompts", queryVector, window, MIN_PROMPT_SIMILARITY, filters, null);
    Query byMeaning =
        Query.of(q -> q.bool(b -> b.should(byStory, byPrompts).minimumShouldMatch("1")));
    Query byPrinciple = taggedWith(principles);
    MsearchResponse<StoryDocument> response =
        elasticsearch.msearch(
            msearch ->
                msearch
                    .index(index.name())
                    .includeNamedQueriesScore(true)
                    .searches(s -> s.header(h -> h).body(b -> ranking(b, filters, lexical, window)))
                    // both vectors' rankings in one search: each hit carries either score
                    .searches(
                        s -> s.header(h -> h).body(b -> ranking(b, filters, byMeaning, 2 * window)))
                    // facets and total in the same request as the rankings, so that a story
                    // becoming searchable in between cannot be counted yet missing from the hits
                    .searches(
                        s ->
                            s.header(h -> h)
                                .body(
                                    b ->
                                        counting(
                                            b,
                                            filters,
                                            List.of(
                                                lexical, closeStory, closePrompts, byPrinciple)))),
            StoryDocument.class);
    List<Ranked> meaning = ranked(response.responses().get(1));
    return signals(
        ranked(response.responses().get(0)),
        byNamedScore(meaning, STORY_RANKING),
        byNamedScore(meaning, PROMPTS_RANKING),
        result(response.responses().get(2)));
  }

  private static Signals signals(
      List<Ranked> lexical,
      List<Ranked> story,
      List<Ranked> prompts,
      ResponseBody<StoryDocument> counts) {
    Map<String, Ranked> documents = new LinkedHashMap<>();
    Map<String, Integer> lexicalRanks = new HashMap<>();
    Map<String, Double> lexicalScores = new HashMap<>();
    Map<String, Double> storySimilarity = new HashMap<>();
    Map<String, Double> promptSimilarity = new HashMap<>();
    for (int i = 0; i < lexical.size(); i++) {
      Ranked hit = lexical.get(i);
      documents.putIfAbsent(hit.storyId(), hit);
      lexicalRanks.put(hit.storyId(), i + 1);
      lexicalScores.put(hit.storyId(), hit.relevance() == null ? 0 : hit.relevance());
    }
    for (Ranked hit : story) {
      documents.putIfAbsent(hit.storyId(), hit);
      storySimilarity.put(hit.storyId(), cosine(hit.relevance()));
    }
    for (Ranked hit : prompts) {
      documents.putIfAbsent(hit.storyId(), hit);
      promptSimilarity.put(hit.storyId(), cosine(hit.relevance()));
    }
    return new Signals(
        documents, lexicalRanks, lexicalScores, storySimilarity, promptSimilarity, counts);
  }

  /**
   * Every story takes part in the rankings by meaning; only one this close to the question counts
   * as a match (and as a reason in {@link Why}).
   */
  static boolean closeByStory(double cosine) {
    return cosine >= MIN_STORY_SIMILARITY;
  }

  static boolean closeByPrompts(double cosine) {
    return cosine >= MIN_PROMPT_SIMILARITY;
  }

  /** The hits that matched the named query, by its score, as its own ranking would order them. */
  private static List<Ranked> byNamedScore(List<Ranked> hits, String name) {
    return hits.stream()
        .filter(hit -> hit.named().containsKey(name))
        .map(hit -> hit.withRelevance(hit.named().get(name)))
        .sorted(Comparator.comparing(Ranked::relevance, Comparator.reverseOrder()))
        .toList();
  }

  private static SearchRequestBody.Builder ranking(
      SearchRequestBody.Builder body, List<Query> filters, Query ranking, int window) {
    body.size(window)
        .source(source -> source.fetch(false))
        .storedFields("_none_")
        .docvalueFields(rankingFields())
        .query(q -> q.bool(b -> b.filter(filters).must(ranking)));
    return body;
  }

  /** Total and facets of every story any ranking matched, and no hits. */
  private static SearchRequestBody.Builder counting(
      SearchRequestBody.Builder body, List<Query> filters, List<Query> matches) {
    Query anyMatch = Query.of(q -> q.bool(b -> b.should(matches).minimumShouldMatch("1")));
    return body.size(0)
        .trackTotalHits(total -> total.enabled(true))
        .query(q -> q.bool(b -> b.filter(filters).filter(anyMatch)))
        .aggregations(Facets.aggregations());
  }

  private static List<FieldAndFormat> rankingFields() {
    return RANKING_FIELDS.stream()
        .map(
            field ->
                FieldAndFormat.of(
                    f ->
                        field.equals("updatedAt")
                            ? f.field(field).format("epoch_millis")
                            : f.field(field)))
        .toList();
  }

  /** Stories tagged with a principle the reader is fairly sure the question is about. */
  private static Query taggedWith(List<InferredPrinciple> principles) {
    List<FieldValue> sure =
        principles.stream()
            .filter(principle -> principle.strength() >= CANDIDATE_PRINCIPLE)
            .map(principle -> FieldValue.of(principle.principle()))
            .toList();
    if (sure.isEmpty()) {
      return Query.of(q -> q.matchNone(none -> none));
    }
    return Query.of(q -> q.terms(t -> t.field("principles").terms(v -> v.value(sure))));
  }

  private static Query lexical(Set<String> terms) {
    if (terms.isEmpty()) {
      return Query.of(q -> q.matchNone(none -> none));
    }
    return Query.of(
        q ->
            q.combinedFields(
                c ->
                    c.query(String.join(" ", terms))
                        .fields("titleTerms^3", "promptTerms^2", "starTerms")));
  }

  private static Query knn(
      String field,
      List<Float> vector,
      int window,
      Float similarity,
      List<Query> filters,
      String name) {
    return Query.of(
        q ->
            q.knn(
                k ->
                    k.field(field)
                        .queryVector(vector)
                        .k(window)
                        .numCandidates(Math.max(window, 100))
                        .similarity(similarity)
                        .filter(filters)
                        .queryName(name)));
  }

  /** Elasticsearch scores a cosine kNN hit as (1 + cosine) / 2. */
  private static double cosine(Double score) {
    return score == null ? 0 : Math.round((2 * score - 1) * 1000) / 1000.0;
  }

  private static List<Ranked> ranked(MultiSearchResponseItem<StoryDocument> item) {
    return result(item).hits().hits().stream().map(Ranked::of).toList();
  }

  /**
   * One search's answer; its failure is thrown as Elasticsearch's own, so that a cluster that
   * cannot search yet (no shard, 503) is answered like one that cannot be reached, not as a 500.
   */
  static <T> ResponseBody<T> result(MultiSearchResponseItem<T> item) {
    if (item.isFailure()) {
      throw new ElasticsearchException("msearch", item.failure());
    }
    return item.result();
  }
}
