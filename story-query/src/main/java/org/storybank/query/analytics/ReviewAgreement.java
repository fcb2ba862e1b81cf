package org.storybank.query.analytics;

import static org.storybank.query.analytics.Aggregations.buckets;
import static org.storybank.query.analytics.Aggregations.round;
import static org.storybank.query.analytics.Aggregations.share;
import static org.storybank.query.analytics.AnalyticsFields.ASSESSED_SCORE;
import static org.storybank.query.analytics.AnalyticsFields.ASSESSED_VERDICT;
import static org.storybank.query.analytics.AnalyticsFields.COHORT_ID;
import static org.storybank.query.analytics.AnalyticsFields.EVALUATOR;
import static org.storybank.query.analytics.AnalyticsFields.RECORDED_AT;
import static org.storybank.query.analytics.AnalyticsFields.REVISION;
import static org.storybank.query.analytics.AnalyticsFields.STORY_ID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.storybank.query.analytics.CohortOverview.Agreement;
import org.storybank.query.indexing.EvaluationsIndex;

/**
 * How far the automatic evaluation and the coach agree on a cohort's stories: for every story
 * revision both judged, the latest score and verdict of each, compared.
 */
class ReviewAgreement {

  private final ElasticsearchClient elasticsearch;
  private final EvaluationsIndex evaluations;

  ReviewAgreement(ElasticsearchClient elasticsearch, EvaluationsIndex evaluations) {
    this.elasticsearch = elasticsearch;
    this.evaluations = evaluations;
  }

  Agreement of(String cohortId) throws IOException {
    SearchResponse<Void> response =
        elasticsearch.search(
            s ->
                s.index(evaluations.name())
                    .size(0)
                    .query(q -> q.term(t -> t.field(COHORT_ID).value(cohortId)))
                    .aggregations("stories", revisionsOfEachStory()),
            Void.class);
    long pairs = 0;
    double difference = 0;
    long sameVerdict = 0;
    for (StringTermsBucket story : buckets(response.aggregations().get("stories"))) {
      for (var revision : story.aggregations().get("revisions").lterms().buckets().array()) {
        Judgement automatic = latest(revision.aggregations().get("automatic"));
        Judgement coach = latest(revision.aggregations().get("coach"));
        if (automatic != null && coach != null) {
          pairs++;
          difference += Math.abs(automatic.score() - coach.score());
          if (automatic.verdict().equals(coach.verdict())) {
            sameVerdict++;
          }
        }
      }
    }
    return pairs == 0
        ? new Agreement(0, null, null)
        : new Agreement(pairs, round(difference / pairs), share(sameVerdict, pairs));
  }

  private record Judgement(double score, String verdict) {}

  private static Aggregation revisionsOfEachStory() {
    return Aggregation.of(
        a ->
            a.terms(t -> t.field(STORY_ID).size(10_000))
                .aggregations(
                    "revisions",
                    Aggregation.of(
                        r ->
                            r.terms(t -> t.field(REVISION).size(100))
                                .aggregations("automatic", latestBy("automatic"))
                                .aggregations("coach", latestBy("coach")))));
  }

  /** The latest evaluation of a revision by one kind of evaluator: its score and verdict only. */
  private static Aggregation latestBy(String evaluator) {
    return Aggregation.of(
        a ->
            a.filter(f -> f.term(t -> t.field(EVALUATOR).value(evaluator)))
                .aggregations(
                    "latest",
                    Aggregation.of(
                        h ->
                            h.topHits(
                                top ->
                                    top.size(1)
                                        .sort(
                                            so ->
                                                so.field(
                                                    f ->
                                                        f.field(RECORDED_AT).order(SortOrder.Desc)))
                                        .source(
                                            src ->
                                                src.filter(
                                                    sf ->
                                                        sf.includes(
                                                            ASSESSED_SCORE, ASSESSED_VERDICT)))))));
  }

  @SuppressWarnings("unchecked")
  private static Judgement latest(Aggregate filtered) {
    List<Hit<JsonData>> hits =
        filtered.filter().aggregations().get("latest").topHits().hits().hits();
    if (hits.isEmpty() || hits.get(0).source() == null) {
      return null;
    }
    Map<String, Object> source = hits.get(0).source().to(Map.class);
    Map<String, Object> assessment = (Map<String, Object>) source.get("assessment");
    return new Judgement(
        ((Number) assessment.get("score")).doubleValue(),
        String.valueOf(assessment.get("verdict")));
  }
}
