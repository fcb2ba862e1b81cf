package org.storybank.query.analytics;

import static org.storybank.query.analytics.Aggregations.buckets;
import static org.storybank.query.analytics.Aggregations.currentStoriesOf;
import static org.storybank.query.analytics.Aggregations.round;
import static org.storybank.query.analytics.Aggregations.total;
import static org.storybank.query.analytics.AnalyticsFields.AUTHOR_ID;
import static org.storybank.query.analytics.AnalyticsFields.CRITERIA;
import static org.storybank.query.analytics.AnalyticsFields.CRITERION_ID;
import static org.storybank.query.analytics.AnalyticsFields.CRITERION_SCORE;
import static org.storybank.query.analytics.AnalyticsFields.LEVEL;
import static org.storybank.query.analytics.AnalyticsFields.PRINCIPLES;
import static org.storybank.query.analytics.AnalyticsFields.SCORE;
import static org.storybank.query.analytics.AnalyticsFields.VERDICT;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.storybank.query.analytics.CohortOverview.Band;
import org.storybank.query.analytics.CohortOverview.CandidateAttention;
import org.storybank.query.analytics.CohortOverview.ScoreSpread;
import org.storybank.query.analytics.CohortOverview.WeakCriterion;
import org.storybank.query.indexing.StoriesIndex;

/**
 * A cohort at a glance, from one search over its current stories: scores by principle and by level,
 * the weakest criteria, the candidates who need attention ({@link AttentionRule}), and how far the
 * coach and the automatic evaluation agree ({@link ReviewAgreement}).
 */
class CohortOverviews {

  private static final List<int[]> BANDS =
      List.of(new int[] {0, 39}, new int[] {40, 59}, new int[] {60, 79}, new int[] {80, 100});

  private final ElasticsearchClient elasticsearch;
  private final StoriesIndex stories;
  private final ReviewAgreement agreement;

  CohortOverviews(
      ElasticsearchClient elasticsearch, StoriesIndex stories, ReviewAgreement agreement) {
    this.elasticsearch = elasticsearch;
    this.stories = stories;
    this.agreement = agreement;
  }

  CohortOverview of(String cohortId) {
    try {
      SearchResponse<Void> response =
          elasticsearch.search(
              s ->
                  s.index(stories.name())
                      .size(0)
                      .trackTotalHits(t -> t.enabled(true))
                      .query(currentStoriesOf(cohortId))
                      .aggregations("byPrinciple", spread(PRINCIPLES, 50))
                      .aggregations("byLevel", spread(LEVEL, 10))
                      .aggregations(
                          "candidates", Aggregation.of(a -> a.cardinality(c -> c.field(AUTHOR_ID))))
                      .aggregations("criteria", weakestCriteria())
                      .aggregations("byCandidate", byCandidate()),
              Void.class);
      Map<String, Aggregate> aggs = response.aggregations();
      return new CohortOverview(
          cohortId,
          total(response),
          aggs.get("candidates").cardinality().value(),
          spreads(aggs.get("byPrinciple")),
          spreads(aggs.get("byLevel")),
          weakest(aggs.get("criteria")),
          attention(aggs.get("byCandidate")),
          agreement.of(cohortId));
    } catch (IOException e) {
      throw Aggregations.unavailable(e);
    }
  }

  /** The five criteria with the lowest average score. */
  private static Aggregation weakestCriteria() {
    return Aggregation.of(
        a ->
            a.nested(n -> n.path(CRITERIA))
                .aggregations(
                    "ids",
                    Aggregation.of(
                        t ->
                            t.terms(
                                    terms ->
                                        terms
                                            .field(CRITERION_ID)
                                            .size(5)
                                            .order(
                                                List.of(NamedValue.of("average", SortOrder.Asc))))
                                .aggregations(
                                    "average",
                                    Aggregation.of(
                                        avg -> avg.avg(v -> v.field(CRITERION_SCORE)))))));
  }

  /** Per candidate, lowest average first: their average score and how many stories are weak. */
  private static Aggregation byCandidate() {
    return Aggregation.of(
        a ->
            a.terms(
                    t ->
                        t.field(AUTHOR_ID)
                            .size(1000)
                            .order(List.of(NamedValue.of("average", SortOrder.Asc))))
                .aggregations("average", Aggregation.of(avg -> avg.avg(v -> v.field(SCORE))))
                .aggregations(
                    "weak",
                    Aggregation.of(
                        w -> w.filter(f -> f.term(t -> t.field(VERDICT).value("weak"))))));
  }

  private static Aggregation spread(String field, int size) {
    return Aggregation.of(
        a ->
            a.terms(t -> t.field(field).size(size))
                .aggregations("score", Aggregation.of(s -> s.stats(st -> st.field(SCORE))))
                .aggregations(
                    "bands",
                    Aggregation.of(
                        r ->
                            r.range(
                                range -> {
                                  range.field(SCORE);
                                  for (int[] band : BANDS) {
                                    range.ranges(
                                        b ->
                                            b.key(band[0] + "-" + band[1])
                                                .from((double) band[0])
                                                .to((double) band[1] + 1));
                                  }
                                  return range;
                                }))));
  }

  private static List<ScoreSpread> spreads(Aggregate aggregate) {
    List<ScoreSpread> spreads = new ArrayList<>();
    for (StringTermsBucket bucket : buckets(aggregate)) {
      var stats = bucket.aggregations().get("score").stats();
      List<Band> bands =
          bucket.aggregations().get("bands").range().buckets().array().stream()
              .map(band -> new Band(band.key(), band.docCount()))
              .toList();
      boolean any = stats.count() > 0;
      spreads.add(
          new ScoreSpread(
              bucket.key().stringValue(),
              bucket.docCount(),
              stats.count(),
              any ? round(stats.avg()) : null,
              any ? stats.min() : null,
              any ? stats.max() : null,
              bands));
    }
    return spreads;
  }

  private static List<WeakCriterion> weakest(Aggregate nested) {
    return buckets(nested.nested().aggregations().get("ids")).stream()
        .map(
            bucket ->
                new WeakCriterion(
                    bucket.key().stringValue(),
                    round(bucket.aggregations().get("average").avg().value()),
                    bucket.docCount()))
        .toList();
  }

  private static List<CandidateAttention> attention(Aggregate byCandidate) {
    List<CandidateAttention> attention = new ArrayList<>();
    for (StringTermsBucket bucket : buckets(byCandidate)) {
      Double average = bucket.aggregations().get("average").avg().value();
      Double scored = average == null || average.isNaN() ? null : average;
      long weak = bucket.aggregations().get("weak").filter().docCount();
      AttentionRule.reason(scored, weak, bucket.docCount())
          .ifPresent(
              reason ->
                  attention.add(
                      new CandidateAttention(
                          bucket.key().stringValue(),
                          bucket.docCount(),
                          scored == null ? null : round(scored),
                          weak,
                          reason)));
    }
    return attention;
  }
}
