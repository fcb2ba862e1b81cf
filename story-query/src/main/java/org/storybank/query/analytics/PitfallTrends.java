package org.storybank.query.analytics;

import static org.storybank.query.analytics.Aggregations.buckets;
import static org.storybank.query.analytics.Aggregations.currentStoriesOf;
import static org.storybank.query.analytics.Aggregations.distinctStories;
import static org.storybank.query.analytics.Aggregations.share;
import static org.storybank.query.analytics.Aggregations.terms;
import static org.storybank.query.analytics.Aggregations.total;
import static org.storybank.query.analytics.AnalyticsFields.ASSESSED_PITFALLS;
import static org.storybank.query.analytics.AnalyticsFields.COHORT_ID;
import static org.storybank.query.analytics.AnalyticsFields.PITFALLS;
import static org.storybank.query.analytics.AnalyticsFields.RECORDED_AT;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.storybank.query.indexing.EvaluationsIndex;
import org.storybank.query.indexing.StoriesIndex;

/**
 * Which pitfalls a cohort's current stories show (the stories index), each with its week-by-week
 * trend over the last {@value #WEEKS} weeks of evaluations (the evaluations index).
 */
class PitfallTrends {

  static final int WEEKS = 8;

  private final ElasticsearchClient elasticsearch;
  private final StoriesIndex stories;
  private final EvaluationsIndex evaluations;
  private final Clock clock;

  PitfallTrends(
      ElasticsearchClient elasticsearch,
      StoriesIndex stories,
      EvaluationsIndex evaluations,
      Clock clock) {
    this.elasticsearch = elasticsearch;
    this.stories = stories;
    this.evaluations = evaluations;
    this.clock = clock;
  }

  List<PitfallTrend> of(String cohortId) {
    try {
      SearchResponse<Void> now =
          elasticsearch.search(
              s ->
                  s.index(stories.name())
                      .size(0)
                      .trackTotalHits(t -> t.enabled(true))
                      .query(currentStoriesOf(cohortId))
                      .aggregations("pitfalls", terms(PITFALLS, 100)),
              Void.class);
      long total = total(now);
      Weeks weeks = weeks(cohortId);
      List<PitfallTrend> result = new ArrayList<>();
      for (StringTermsBucket bucket : buckets(now.aggregations().get("pitfalls"))) {
        String pitfall = bucket.key().stringValue();
        List<PitfallTrend.Week> trend = weeks.trendOf(pitfall);
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
      throw Aggregations.unavailable(e);
    }
  }

  /** Per week: its Monday, the stories evaluated in it, and per pitfall the stories showing it. */
  private record Weeks(
      List<LocalDate> mondays, List<Long> evaluated, List<Map<String, Long>> showing) {

    List<PitfallTrend.Week> trendOf(String pitfall) {
      List<PitfallTrend.Week> trend = new ArrayList<>();
      for (int i = 0; i < mondays.size(); i++) {
        long count = showing.get(i).getOrDefault(pitfall, 0L);
        trend.add(
            new PitfallTrend.Week(
                mondays.get(i), count, evaluated.get(i), share(count, evaluated.get(i))));
      }
      return trend;
    }
  }

  private Weeks weeks(String cohortId) throws IOException {
    LocalDate thisWeek =
        LocalDate.now(clock.withZone(ZoneOffset.UTC))
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    Instant from = thisWeek.minusWeeks(WEEKS - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = thisWeek.atStartOfDay(ZoneOffset.UTC).toInstant();
    SearchResponse<Void> history =
        elasticsearch.search(
            s ->
                s.index(evaluations.name())
                    .size(0)
                    .query(evaluatedInCohortSince(cohortId, from))
                    .aggregations("weeks", byWeek(from, to)),
            Void.class);
    List<LocalDate> mondays = new ArrayList<>();
    List<Long> evaluated = new ArrayList<>();
    List<Map<String, Long>> showing = new ArrayList<>();
    for (DateHistogramBucket week :
        history.aggregations().get("weeks").dateHistogram().buckets().array()) {
      mondays.add(Instant.ofEpochMilli(week.key()).atZone(ZoneOffset.UTC).toLocalDate());
      evaluated.add(week.aggregations().get("evaluated").cardinality().value());
      Map<String, Long> counts = new HashMap<>();
      for (StringTermsBucket pitfall : buckets(week.aggregations().get("pitfalls"))) {
        counts.put(
            pitfall.key().stringValue(),
            pitfall.aggregations().get("stories").cardinality().value());
      }
      showing.add(counts);
    }
    return new Weeks(mondays, evaluated, showing);
  }

  /** Every week from the first to this one, empty ones too, with distinct stories counted. */
  private static Aggregation byWeek(Instant from, Instant to) {
    return Aggregation.of(
        a ->
            a.dateHistogram(
                    h ->
                        h.field(RECORDED_AT)
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
                            p.terms(t -> t.field(ASSESSED_PITFALLS).size(100))
                                .aggregations("stories", distinctStories()))));
  }

  private static Query evaluatedInCohortSince(String cohortId, Instant from) {
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.filter(f -> f.term(t -> t.field(COHORT_ID).value(cohortId)))
                        .filter(
                            f ->
                                f.range(
                                    r -> r.date(d -> d.field(RECORDED_AT).gte(from.toString()))))));
  }

  private static FieldDateMath millis(long epochMillis) {
    return FieldDateMath.of(m -> m.value(epochMillis));
  }
}
