package org.storybank.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.storybank.query.indexing.StoriesIndex;
import org.storybank.query.language.InterviewLanguage;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.semantic.InferredPrinciple;
import org.storybank.query.semantic.QuestionReader;
import org.storybank.query.semantic.SentenceEmbeddings;

/**
 * Finds the caller's stories for a question: {@link QuestionRankings} ranks them by words and by
 * meaning in one request, the {@link QuestionReader} says which principles the question probes,
 * {@link QuestionFusion} weighs it all into one order, {@link NothingFits} says when even the best
 * story does not answer the question, and {@link HitPresenter} shows the page's stories with their
 * highlights and reasons. Without a question, the caller's stories are listed by score or recency.
 */
public class StorySearch {

  static final int WINDOW = 100;

  private static final String[] NOT_RETURNED = {"vectors"};

  private final ElasticsearchClient elasticsearch;
  private final StoriesIndex index;
  private final InterviewLanguage language = InterviewLanguage.instance();
  private final HitPresenter presenter = new HitPresenter();
  private final QuestionRankings rankings;
  private final SentenceEmbeddings embeddings;
  private final QuestionReader questionReader;

  public StorySearch(
      ElasticsearchClient elasticsearch,
      StoriesIndex index,
      SentenceEmbeddings embeddings,
      QuestionReader questionReader) {
    this.elasticsearch = elasticsearch;
    this.index = index;
    this.rankings = new QuestionRankings(elasticsearch, index);
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
        hits.add(presenter.listed(hit.source(), 1.0 / (++position)));
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
    List<InferredPrinciple> principles = questionReader.read(query.text());
    Map<String, Double> probabilities = new HashMap<>();
    principles.forEach(p -> probabilities.put(p.principle(), p.strength()));
    Question question =
        new Question(
            SearchFilters.of(scope, query),
            terms,
            embeddings.embedQuery(query.text()),
            principles,
            probabilities,
            query.text(),
            query.sort());

    // Fused scores are standardised over the stories a ranking reached, so a wider window orders
    // them differently. Each block of WINDOW stories is therefore cut from a ranking of its own
    // width and holds only stories no earlier block listed: a page is the same whichever page was
    // asked for before, and pages never repeat or skip a story.
    int end = Math.min(query.from() + query.size(), StoryQuery.MAX_DEPTH);
    List<String> listed = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Ranking first = null;
    Ranking widest = null;
    for (int window = WINDOW; listed.size() < end; window += WINDOW) {
      widest = rank(question, window);
      first = first == null ? widest : first;
      int added = 0;
      for (String id : widest.ordered()) {
        if (added < WINDOW && seen.add(id)) {
          listed.add(id);
          added++;
        }
      }
      if (added < WINDOW || window >= StoryQuery.MAX_DEPTH) {
        break;
      }
    }

    List<String> pageIds = listed.stream().skip(query.from()).limit(query.size()).toList();
    Map<String, StoryDocument> full = read(pageIds);
    List<SearchResult.Hit> page = new ArrayList<>();
    for (String id : pageIds) {
      StoryDocument story = full.get(id);
      if (story != null) { // else deleted between the two reads
        page.add(
            presenter.found(
                story, widest.fused().get(id).score(), terms, principles, widest.signals()));
      }
    }
    ResponseBody<StoryDocument> counts = first.signals().counts();
    return new SearchResult(
        total(counts),
        query.from(),
        page,
        Facets.read(counts.aggregations()),
        principles.stream().map(InferredPrinciple::principle).toList(),
        first.nothingFits());
  }

  /** What a question is ranked by, read once for every window. */
  private record Question(
      List<Query> filters,
      Set<String> terms,
      float[] vector,
      List<InferredPrinciple> principles,
      Map<String, Double> probabilities,
      String text,
      StoryQuery.Sort sort) {}

  /** One ranking of a question: the found stories in order, and what each signal said. */
  private record Ranking(
      List<String> ordered,
      Map<String, QuestionFusion.Fused> fused,
      QuestionRankings.Signals signals) {

    boolean nothingFits() {
      if (ordered.isEmpty()) {
        return true;
      }
      String best = ordered.get(0);
      return NothingFits.says(
          signals.lexicalRanks().get(best),
          signals.storySimilarity().get(best),
          fused.get(best).principleFit());
    }
  }

  private Ranking rank(Question question, int window) throws IOException {
    QuestionRankings.Signals signals =
        rankings.rank(
            question.filters(), question.terms(), question.vector(), question.principles(), window);
    List<QuestionFusion.Fused> fused =
        QuestionFusion.fuse(
            signals.candidates(),
            question.probabilities(),
            QuestionFusion.Weights.forQuery(question.text()));
    Map<String, QuestionFusion.Fused> fusedById = new HashMap<>();
    fused.forEach(f -> fusedById.put(f.storyId(), f));

    Set<String> found = signals.matched();
    // a story tagged with a likely principle is found even when nothing else found it; the meaning
    // rankings reach every story of a bank (up to the window), with their tags from doc values
    double candidateFit = QuestionFusion.fitOf(QuestionRankings.CANDIDATE_PRINCIPLE);
    fused.stream()
        .filter(story -> story.principleFit() >= candidateFit)
        .forEach(story -> found.add(story.storyId()));
    List<String> ordered =
        order(
                fused.stream().map(QuestionFusion.Fused::storyId).toList(),
                signals.documents(),
                question.sort())
            .stream()
            .filter(found::contains)
            .toList();
    return new Ranking(ordered, fusedById, signals);
  }

  /** Relevance as fused, or by score or recency; equal ones always in story id order. */
  private static List<String> order(
      List<String> byRelevance, Map<String, Ranked> documents, StoryQuery.Sort sort) {
    List<String> ranked = new ArrayList<>(byRelevance);
    Comparator<String> byRecency =
        Comparator.comparing(
                (String id) -> documents.get(id).updatedAt(),
                Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Comparator.naturalOrder());
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

  private static long total(ResponseBody<StoryDocument> response) {
    return response.hits().total() == null ? 0 : response.hits().total().value();
  }
}
