package org.storybank.query.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.storybank.query.analytics.CohortOverview.Agreement;
import org.storybank.query.analytics.CohortOverview.Band;
import org.storybank.query.analytics.CohortOverview.CandidateAttention;
import org.storybank.query.analytics.CohortOverview.ScoreSpread;
import org.storybank.query.analytics.CohortOverview.WeakCriterion;
import org.storybank.query.indexing.EvaluationsIndex;
import org.storybank.query.indexing.StoriesIndex;

/**
 * A cohort's numbers, computed by Elasticsearch aggregations over the stories index (the state now)
 * and the evaluations index (history). Java only reads the buckets.
 */
public class CohortAnalytics {

  static final int TREND_WEEKS = 8;
  static final double ATTENTION_AVERAGE = 50;
  static final double ATTENTION_WEAK_SHARE = 0.5;
  static final int ATTENTION_FEW_STORIES = 3;

  private static final List<int[]> BANDS =
      List.of(new int[] {0, 39}, new int[] {40, 59}, new int[] {60, 79}, new int[] {80, 100});

  private final ElasticsearchClient elasticsearch;
  private final StoriesIndex stories;
  private final EvaluationsIndex evaluations;
  private final Clock clock;

  public CohortAnalytics(
      ElasticsearchClient elasticsearch,
      StoriesIndex stories,
      EvaluationsIndex evaluations,
      Clock clock) {
    this.elasticsearch = elasticsearch;
    this.stories = stories;
    this.evaluations = evaluations;
    this.clock = clock;
  }

  List<PitfallTrend> pitfalls(String cohortId) {
    try {
      SearchResponse<Void> now =
          elasticsearch.search(
              s ->
                  s.index(stories.name())
                      .size(0)
                      .trackTotalHits(t -> t.enabled(true))
                      .query(currentStoriesOf(cohortId))
                      .aggregations("pitfalls", terms("pitfalls", 100)),
              Void.class);
      long total = now.hits().total() == null ? 0 : now.hits().total().value();
      Map<String, List<PitfallTrend.Week>> weekly = weeklyPitfalls(cohortId);
      List<PitfallTrend> result = new ArrayList<>();
      for (StringTermsBucket bucket : buckets(now.aggregations().get("pitfalls"))) {
        String pitfall = bucket.key().stringValue();
        List<PitfallTrend.Week> trend = weekly.getOrDefault(pitfall, emptyWeeks(weekly));
        result.add(
            new PitfallTrend(
                pitfall,
                bucket.docCount(),
                share(bucket.docCount(), total),
                trend,
                PitfallTrend.direction(trend)));
      }
      return result;
    } catch (IOException e) {
      throw unavailable(e);
    }
  }

  private Map<String, List<PitfallTrend.Week>> weeklyPitfalls(String cohortId) throws IOException {
    LocalDate thisWeek =
        LocalDate.now(clock.withZone(ZoneOffset.UTC))
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate firstWeek = thisWeek.minusWeeks(TREND_WEEKS - 1);
    Instant from = firstWeek.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = thisWeek.atStartOfDay(ZoneOffset.UTC).toInstant();
    Aggregation byWeek =
        Aggregation.of(
            a ->
                a.dateHistogram(
                        h ->
                            h.field("assessment.recordedAt")
                                .calendarInterval(CalendarInterval.Week)
                                .minDocCount(0)
                                .extendedBounds(
                                    e ->
                                        e.min(millis(from.toEpochMilli()))
                                            .max(millis(to.toEpochMilli()))))
                    .aggregations("evaluated", distinctStories())
                    .aggregations(
                        "pitfalls",
                        Aggregation.of(
                            p ->
                                p.terms(t -> t.field("assessment.pitfalls").size(100))
                                    .aggregations("stories", distinctStories()))));
    Query recentInCohort =
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(f -> f.term(t -> t.field("cohortId").value(cohortId)))
                            .filter(
                                f ->
                                    f.range(
                                        r ->
                                            r.date(
                                                d ->
                                                    d.field("assessment.recordedAt")
                                                        .gte(from.toString()))))));
    SearchResponse<Void> history =
        elasticsearch.search(
            s ->
                s.index(evaluations.name())
                    .size(0)
                    .query(recentInCohort)
                    .aggregations("weeks", byWeek),
            Void.class);
    Map<String, List<PitfallTrend.Week>> weekly = new LinkedHashMap<>();
    List<DateHistogramBucket> weeks =
        history.aggregations().get("weeks").dateHistogram().buckets().array();
    List<LocalDate> days = new ArrayList<>();
    List<Long> evaluated = new ArrayList<>();
    List<Map<String, Long>> perWeek = new ArrayList<>();
    for (DateHistogramBucket week : weeks) {
      days.add(Instant.ofEpochMilli(week.key()).atZone(ZoneOffset.UTC).toLocalDate());
      evaluated.add(week.aggregations().get("evaluated").cardinality().value());
      Map<String, Long> counts = new HashMap<>();
      for (StringTermsBucket pitfall : buckets(week.aggregations().get("pitfalls"))) {
        counts.put(
            pitfall.key().stringValue(),
            pitfall.aggregations().get("stories").cardinality().value());
      }
      perWeek.add(counts);
    }
    perWeek.stream()
        .flatMap(counts -> counts.keySet().stream())
        .distinct()
        .forEach(
            pitfall -> {
              List<PitfallTrend.Week> trend = new ArrayList<>();
              for (int i = 0; i < days.size(); i++) {
                long count = perWeek.get(i).getOrDefault(pitfall, 0L);
                trend.add(
                    new PitfallTrend.Week(
                        days.get(i), count, evaluated.get(i), share(count, evaluated.get(i))));
              }
              weekly.put(pitfall, trend);
            });
    weekly.put("", weeksWithout(days, evaluated));
    return weekly;
  }

  private static List<PitfallTrend.Week> weeksWithout(List<LocalDate> days, List<Long> evaluated) {
    List<PitfallTrend.Week> weeks = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      weeks.add(new PitfallTrend.Week(days.get(i), 0, evaluated.get(i), 0));
    }
    return weeks;
  }

  private static List<PitfallTrend.Week> emptyWeeks(Map<String, List<PitfallTrend.Week>> weekly) {
    return weekly.get("");
  }

  CohortOverview overview(String cohortId) {
    Aggregation average = Aggregation.of(a -> a.avg(v -> v.field("score")));
    Aggregation weakestCriteria =
        Aggregation.of(
            a ->
                a.nested(n -> n.path("assessment.criteria"))
                    .aggregations(
                        "ids",
                        Aggregation.of(
                            t ->
                                t.terms(
                                        terms ->
                                            terms
                                                .field("assessment.criteria.id")
                                                .size(5)
                                                .order(
                                                    List.of(
                                                        NamedValue.of("average", SortOrder.Asc))))
                                    .aggregations(
                                        "average",
                                        Aggregation.of(
                                            avg ->
                                                avg.avg(
                                                    v -> v.field("assessment.criteria.score")))))));
    Aggregation byCandidate =
        Aggregation.of(
            a ->
                a.terms(
                        t ->
                            t.field("authorId")
                                .size(1000)
                                .order(List.of(NamedValue.of("average", SortOrder.Asc))))
                    .aggregations("average", average)
                    .aggregations(
                        "weak",
                        Aggregation.of(
                            w -> w.filter(f -> f.term(t -> t.field("verdict").value("weak"))))));
    try {
      SearchResponse<Void> response =
          elasticsearch.search(
              s ->
                  s.index(stories.name())
                      .size(0)
                      .trackTotalHits(t -> t.enabled(true))
                      .query(currentStoriesOf(cohortId))
                      .aggregations("byPrinciple", spread("principles", 50))
                      .aggregations("byLevel", spread("level", 10))
                      .aggregations(
                          "candidates",
                          Aggregation.of(a -> a.cardinality(c -> c.field("authorId"))))
                      .aggregations("criteria", weakestCriteria)
                      .aggregations("byCandidate", byCandidate),
              Void.class);
      Map<String, Aggregate> aggs = response.aggregations();
      return new CohortOverview(
          cohortId,
          response.hits().total() == null ? 0 : response.hits().total().value(),
          aggs.get("candidates").cardinality().value(),
          spreads(aggs.get("byPrinciple")),
          spreads(aggs.get("byLevel")),
          weakest(aggs.get("criteria")),
          attention(aggs.get("byCandidate")),
          agreement(cohortId));
    } catch (IOException e) {
      throw unavailable(e);
    }
  }

  private Agreement agreement(String cohortId) throws IOException {
    Function<String, Aggregation> latestBy =
        evaluator ->
            Aggregation.of(
                a ->
                    a.filter(f -> f.term(t -> t.field("assessment.evaluator").value(evaluator)))
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
                                                                f.field("assessment.recordedAt")
                                                                    .order(SortOrder.Desc)))
                                                .source(
                                                    src ->
                                                        src.filter(
                                                            sf ->
                                                                sf.includes(
                                                                    "assessment.score",
                                                                    "assessment.verdict")))))));
    SearchResponse<Void> response =
        elasticsearch.search(
            s ->
                s.index(evaluations.name())
                    .size(0)
                    .query(q -> q.term(t -> t.field("cohortId").value(cohortId)))
                    .aggregations(
                        "stories",
                        Aggregation.of(
                            a ->
                                a.terms(t -> t.field("storyId").size(10_000))
                                    .aggregations(
                                        "revisions",
                                        Aggregation.of(
                                            r ->
                                                r.terms(
                                                        t ->
                                                            t.field("assessment.revision")
                                                                .size(100))
                                                    .aggregations(
                                                        "automatic", latestBy.apply("automatic"))
                                                    .aggregations(
                                                        "coach", latestBy.apply("coach")))))),
            Void.class);
    long pairs = 0;
    double difference = 0;
    long sameVerdict = 0;
    for (StringTermsBucket story : buckets(response.aggregations().get("stories"))) {
      for (var revision : story.aggregations().get("revisions").lterms().buckets().array()) {
        Map<String, JsonData> automatic = latest(revision.aggregations().get("automatic"));
        Map<String, JsonData> coach = latest(revision.aggregations().get("coach"));
        if (automatic != null && coach != null) {
          pairs++;
          difference += Math.abs(number(automatic, "score") - number(coach, "score"));
          if (text(automatic, "verdict").equals(text(coach, "verdict"))) {
            sameVerdict++;
          }
        }
      }
    }
    return pairs == 0
        ? new Agreement(0, null, null)
        : new Agreement(pairs, round(difference / pairs), share(sameVerdict, pairs));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, JsonData> latest(Aggregate filtered) {
    List<Hit<JsonData>> hits =
        filtered.filter().aggregations().get("latest").topHits().hits().hits();
    if (hits.isEmpty() || hits.get(0).source() == null) {
      return null;
    }
    Map<String, Object> source = hits.get(0).source().to(Map.class);
    Map<String, JsonData> assessment = new HashMap<>();
    ((Map<String, Object>) source.get("assessment"))
        .forEach((key, value) -> assessment.put(key, JsonData.of(value)));
    return assessment;
  }

  private static double number(Map<String, JsonData> values, String key) {
    return values.get(key).to(Number.class).doubleValue();
  }

  private static String text(Map<String, JsonData> values, String key) {
    return String.valueOf(values.get(key).to(Object.class));
  }

  private static Aggregation spread(String field, int size) {
    return Aggregation.of(
        a ->
            a.terms(t -> t.field(field).size(size))
                .aggregations("score", Aggregation.of(s -> s.stats(st -> st.field("score"))))
                .aggregations(
                    "bands",
                    Aggregation.of(
                        r ->
                            r.range(
                                range -> {
                                  range.field("score");
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
      if (average != null && average.isNaN()) {
        average = null;
      }
      long weak = bucket.aggregations().get("weak").filter().docCount();
      String reason = null;
      if (average != null && average < ATTENTION_AVERAGE) {
        reason = "average score " + Math.round(average) + " is below " + (int) ATTENTION_AVERAGE;
      } else if (weak >= ATTENTION_WEAK_SHARE * bucket.docCount() && weak > 0) {
        reason = weak + " of " + bucket.docCount() + " stories are weak";
      } else if (bucket.docCount() < ATTENTION_FEW_STORIES) {
        reason = "only " + bucket.docCount() + " stories in the bank";
      }
      if (reason != null) {
        attention.add(
            new CandidateAttention(
                bucket.key().stringValue(),
                bucket.docCount(),
                average == null ? null : round(average),
                weak,
                reason));
      }
    }
    return attention;
  }

  private static Query currentStoriesOf(String cohortId) {
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.filter(f -> f.term(t -> t.field("cohortId").value(FieldValue.of(cohortId))))
                        .mustNot(n -> n.term(t -> t.field("status").value("archived")))));
  }

  private static Aggregation terms(String field, int size) {
    return Aggregation.of(a -> a.terms(t -> t.field(field).size(size)));
  }

  private static FieldDateMath millis(long epochMillis) {
    return FieldDateMath.of(m -> m.value(epochMillis));
  }

  private static Aggregation distinctStories() {
    return Aggregation.of(a -> a.cardinality(c -> c.field("storyId")));
  }

  private static List<StringTermsBucket> buckets(Aggregate aggregate) {
    return aggregate.sterms().buckets().array();
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0 : round((double) part / whole);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static UncheckedIOException unavailable(IOException e) {
    return new UncheckedIOException("analytics are unavailable: cannot reach Elasticsearch", e);
  }
}
