package org.storybank.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldAndFormat;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.elasticsearch.core.search.SearchRequestBody;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.storybank.query.indexing.StoriesIndex;
import org.storybank.query.language.Highlighter;
import org.storybank.query.language.InterviewLanguage;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.semantic.InferredPrinciple;
import org.storybank.query.semantic.QuestionReader;
import org.storybank.query.semantic.SentenceEmbeddings;

/**
 * Finds the caller's stories for a question. Three rankings run under the same filters: words (the
 * application's English analysis with interview synonyms, BM25 over title, linked prompts and STAR
 * text), the story's meaning and its linked prompts' meaning (MiniLM vectors, exact kNN over the
 * caller's stories); the {@link QuestionReader} says which principles the question probes. {@link
 * QuestionFusion} weighs it all into one order, and {@link NothingFits} says when even the best
 * story does not answer the question. Facets count everything any ranking matched. One multi-search
 * of three searches carries it all (words; both meanings, told apart by named-query scores; the
 * total and facets); then the page's stories are read.
 */
public class StorySearch {

  static final int WINDOW = 100;
  static final float MIN_STORY_SIMILARITY = 0.35f;
  static final float MIN_PROMPT_SIMILARITY = 0.45f;

  /** A story tagged with a principle this probable for the question is a candidate. */
  static final double CANDIDATE_PRINCIPLE = 0.10;

  private static final String[] NOT_RETURNED = {"vectors"};

  /**
   * What fusion and sorting need of each ranked story, the id included, read from doc values: with
   * no stored field asked for, Elasticsearch never decompresses a story's stored source (which
   * holds its two vectors) to rank it. The page's stories are read in full afterwards.
   */
  private static final List<String> RANKING_FIELDS =
      List.of("storyId", "principles", "score", "updatedAt");

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

  private final ElasticsearchClient elasticsearch;
  private final StoriesIndex index;
  private final InterviewLanguage language = InterviewLanguage.instance();
  private final Highlighter highlighter = new Highlighter(InterviewLanguage.instance(), 2);
  private final SentenceEmbeddings embeddings;
  private final QuestionReader questionReader;

  public StorySearch(
      ElasticsearchClient elasticsearch,
      StoriesIndex index,
      SentenceEmbeddings embeddings,
      QuestionReader questionReader) {
    this.elasticsearch = elasticsearch;
    this.index = index;
    this.embeddings = embeddings;
    this.questionReader = questionReader;
  }

  SearchResult search(SearchScope scope, StoryQuery query) {
    if (scope instanceof SearchScope.Nothing) {
      return SearchResult.empty(query.from());
    }
    try {
      return query.hasText() ? byQuestion(scope, query) : browse(scope, query);
    } catch (IOException e) {
      throw new UncheckedIOException("search is unavailable: cannot reach Elasticsearch", e);
    }
  }

  private SearchResult browse(SearchScope scope, StoryQuery query) throws IOException {
    List<Query> filters = SearchFilters.of(scope, query);
    SearchResponse<StoryDocument> response =
        elasticsearch.search(
            search -> {
              search
                  .index(index.name())
                  .from(query.from())
                  .size(query.size())
                  .trackTotalHits(total -> total.enabled(true))
                  .source(source -> source.filter(f -> f.excludes(List.of(NOT_RETURNED))))
                  .query(q -> q.bool(b -> b.filter(filters)))
                  .aggregations(Facets.aggregations());
              if (query.sort() == StoryQuery.Sort.SCORE) {
                search.sort(s -> s.field(f -> f.field("score").order(SortOrder.Desc)));
              }
              search.sort(s -> s.field(f -> f.field("updatedAt").order(SortOrder.Desc)));
              search.sort(s -> s.field(f -> f.field("storyId").order(SortOrder.Asc)));
              return search;
            },
            StoryDocument.class);
    List<SearchResult.Hit> hits = new ArrayList<>();
    int position = query.from();
    for (Hit<StoryDocument> hit : response.hits().hits()) {
      if (hit.source() != null) {
        hits.add(
            toHit(
                hit.source(),
                1.0 / (++position),
                Map.of(),
                List.of(),
                new SearchResult.Match(null, null, null, List.of())));
      }
    }
    return new SearchResult(
        total(response),
        query.from(),
        hits,
        Facets.read(response.aggregations()),
        List.of(),
        false);
  }

  private SearchResult byQuestion(SearchScope scope, StoryQuery query) throws IOException {
    Set<String> terms = language.queryTerms(query.text());
    float[] vector = embeddings.embedQuery(query.text());
    List<InferredPrinciple> principles = questionReader.read(query.text());
    Map<String, Double> probabilities = new HashMap<>();
    principles.forEach(p -> probabilities.put(p.principle(), p.strength()));
    List<Float> queryVector = new ArrayList<>(vector.length);
    for (float value : vector) {
      queryVector.add(value);
    }
    List<Query> filters = SearchFilters.of(scope, query);
    int window = Math.max(WINDOW, query.from() + query.size());
    Rankings rankings =
        rankings(filters, lexical(terms), queryVector, taggedWith(principles), window);

    Map<String, Ranked> documents = new LinkedHashMap<>();
    Map<String, Integer> lexicalRanks = new HashMap<>();
    Map<String, Double> lexicalScores = new HashMap<>();
    Map<String, Double> storySimilarity = new HashMap<>();
    Map<String, Double> promptSimilarity = new HashMap<>();
    for (int i = 0; i < rankings.lexical().size(); i++) {
      Ranked hit = rankings.lexical().get(i);
      documents.putIfAbsent(hit.storyId(), hit);
      lexicalRanks.put(hit.storyId(), i + 1);
      lexicalScores.put(hit.storyId(), hit.relevance() == null ? 0 : hit.relevance());
    }
    for (Ranked hit : rankings.story()) {
      documents.putIfAbsent(hit.storyId(), hit);
      storySimilarity.put(hit.storyId(), cosine(hit.relevance()));
    }
    for (Ranked hit : rankings.prompts()) {
      documents.putIfAbsent(hit.storyId(), hit);
      promptSimilarity.put(hit.storyId(), cosine(hit.relevance()));
    }

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
    List<QuestionFusion.Fused> fused =
        QuestionFusion.fuse(
            candidates, probabilities, QuestionFusion.Weights.forQuery(query.text()));
    Map<String, QuestionFusion.Fused> fusedById = new HashMap<>();
    fused.forEach(f -> fusedById.put(f.storyId(), f));

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
    // a story tagged with a likely principle is found even when nothing else found it; the meaning
    // rankings reach every story of a bank (up to the window), with their tags from doc values
    double candidateFit = QuestionFusion.fitOf(CANDIDATE_PRINCIPLE);
    fused.stream()
        .filter(story -> story.principleFit() >= candidateFit)
        .forEach(story -> found.add(story.storyId()));
    ResponseBody<StoryDocument> counts = rankings.counts();
    List<String> ordered =
        order(fused.stream().map(QuestionFusion.Fused::storyId).toList(), documents, query.sort())
            .stream()
            .filter(found::contains)
            .toList();
    List<SearchResult.Hit> page = new ArrayList<>();
    List<String> pageIds = ordered.stream().skip(query.from()).limit(query.size()).toList();
    Map<String, StoryDocument> full = read(pageIds);
    for (String id : pageIds) {
      StoryDocument story = full.get(id);
      if (story == null) {
        continue; // deleted between the two reads
      }
      List<InferredPrinciple> matched =
          principles.stream().filter(p -> story.principles().contains(p.principle())).toList();
      Map<String, List<String>> highlights = highlights(story, terms);
      SearchResult.Match match =
          new SearchResult.Match(
              lexicalRanks.get(id),
              storySimilarity.get(id),
              promptSimilarity.get(id),
              matched.stream().map(InferredPrinciple::principle).toList());
      page.add(
          toHit(
              story,
              fusedById.get(id).score(),
              highlights,
              Why.of(match, matched, highlights),
              match));
    }
    boolean nothingFits =
        ordered.isEmpty()
            || NothingFits.says(
                lexicalRanks.get(ordered.get(0)),
                storySimilarity.get(ordered.get(0)),
                fusedById.get(ordered.get(0)).principleFit());
    return new SearchResult(
        total(counts),
        query.from(),
        page,
        Facets.read(counts.aggregations()),
        principles.stream().map(InferredPrinciple::principle).toList(),
        nothingFits);
  }

  /** The three rankings and the counts of everything any of them matched, from one request. */
  record Rankings(
      List<Ranked> lexical,
      List<Ranked> story,
      List<Ranked> prompts,
      ResponseBody<StoryDocument> counts) {}

  private Rankings rankings(
      List<Query> filters, Query lexical, List<Float> queryVector, Query byPrinciple, int window)
      throws IOException {
    // the rankings order every story by meaning; only fairly close ones count as matches
    Query byStory = knn("vectors.story", queryVector, window, null, filters, STORY_RANKING);
    Query byPrompts = knn("vectors.prompts", queryVector, window, null, filters, PROMPTS_RANKING);
    Query closeStory =
        knn("vectors.story", queryVector, window, MIN_STORY_SIMILARITY, filters, null);
    Query closePrompts =
        knn("vectors.prompts", queryVector, window, MIN_PROMPT_SIMILARITY, filters, null);
    Query byMeaning =
        Query.of(q -> q.bool(b -> b.should(byStory, byPrompts).minimumShouldMatch("1")));
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
    ResponseBody<StoryDocument> counts = result(response.responses().get(2));
    return new Rankings(
        ranked(response.responses().get(0)),
        byNamedScore(meaning, STORY_RANKING),
        byNamedScore(meaning, PROMPTS_RANKING),
        counts);
  }

  private static final String STORY_RANKING = "story";
  private static final String PROMPTS_RANKING = "prompts";

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

  /** Stories tagged with a principle the catalog is fairly sure the question is about. */
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

  private static List<String> order(
      List<String> byRelevance, Map<String, Ranked> documents, StoryQuery.Sort sort) {
    List<String> ranked = new ArrayList<>(byRelevance);
    Comparator<String> byRecency =
        Comparator.comparing(
            (String id) -> documents.get(id).updatedAt(),
            Comparator.nullsLast(Comparator.reverseOrder()));
    switch (sort) {
      case SCORE ->
          ranked.sort(
              Comparator.comparing(
                      (String id) -> documents.get(id).score(),
                      Comparator.nullsLast(Comparator.reverseOrder()))
                  .thenComparing(byRecency));
      case RECENCY -> ranked.sort(byRecency);
      case RELEVANCE -> {}
    }
    return ranked;
  }

  private Map<String, List<String>> highlights(StoryDocument story, Set<String> terms) {
    Map<String, List<String>> highlights = new LinkedHashMap<>();
    put(highlights, "title", highlighter.highlight(story.title(), terms));
    List<String> prompts = new ArrayList<>();
    for (StoryDocument.IndexedPrompt prompt : story.prompts()) {
      prompts.addAll(highlighter.highlight(prompt.text(), terms));
      prompts.addAll(highlighter.highlight(prompt.angle(), terms));
    }
    put(highlights, "prompts", prompts);
    put(highlights, "situation", highlighter.highlight(story.situation(), terms));
    put(highlights, "task", highlighter.highlight(story.task(), terms));
    put(highlights, "action", highlighter.highlight(story.action(), terms));
    put(highlights, "result", highlighter.highlight(story.result(), terms));
    return highlights;
  }

  private static void put(Map<String, List<String>> map, String field, List<String> fragments) {
    if (!fragments.isEmpty()) {
      map.put(field, fragments);
    }
  }

  private static SearchResult.Hit toHit(
      StoryDocument story,
      double score,
      Map<String, List<String>> highlights,
      List<String> why,
      SearchResult.Match match) {
    return new SearchResult.Hit(
        story.storyId(),
        story.title(),
        Math.round(score * 1_000_000) / 1_000_000.0,
        story.authorId(),
        story.cohortId(),
        story.principles(),
        story.level(),
        story.status(),
        story.score(),
        story.verdict(),
        story.pitfalls(),
        story.hasQuantifiedResult(),
        story.updatedAt(),
        highlights,
        why,
        match);
  }

  /** Elasticsearch scores a cosine kNN hit as (1 + cosine) / 2. */
  private static double cosine(Double score) {
    return score == null ? 0 : Math.round((2 * score - 1) * 1000) / 1000.0;
  }

  private Map<String, StoryDocument> read(List<String> ids) throws IOException {
    Map<String, StoryDocument> stories = new HashMap<>();
    if (ids.isEmpty()) {
      return stories;
    }
    elasticsearch
        .mget(
            get -> get.index(index.name()).ids(ids).sourceExcludes(List.of(NOT_RETURNED)),
            StoryDocument.class)
        .docs()
        .forEach(
            item -> {
              if (item.isResult() && item.result().source() != null) {
                stories.put(item.result().id(), item.result().source());
              }
            });
    return stories;
  }

  private static List<Ranked> ranked(MultiSearchResponseItem<StoryDocument> item) {
    return result(item).hits().hits().stream().map(Ranked::of).toList();
  }

  private static ResponseBody<StoryDocument> result(MultiSearchResponseItem<StoryDocument> item) {
    if (item.isFailure()) {
      throw new IllegalStateException("search failed: " + item.failure().error().reason());
    }
    return item.result();
  }

  private static long total(ResponseBody<StoryDocument> response) {
    return response.hits().total() == null ? 0 : response.hits().total().value();
  }
}
