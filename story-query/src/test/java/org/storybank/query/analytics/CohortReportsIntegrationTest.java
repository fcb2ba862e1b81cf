package org.storybank.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storybank.query.support.Stories.archived;
import static org.storybank.query.support.Stories.story;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storybank.query.projection.Assessment;
import org.storybank.query.projection.EvaluationDocument;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.support.Stories;
import org.storybank.query.support.TestIndexes;

/** The cohort reports as Elasticsearch aggregations over real indexes. */
class CohortReportsIntegrationTest {

  // a Wednesday; its week starts on Monday 2026-11-23
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private TestIndexes indexes;
  private PitfallTrends pitfallTrends;
  private CohortOverviews overviews;

  @BeforeEach
  void freshIndexes() {
    indexes = new TestIndexes();
    pitfallTrends =
        new PitfallTrends(
            indexes.elasticsearch,
            indexes.stories,
            indexes.evaluations,
            Clock.fixed(NOW, ZoneOffset.UTC));
    overviews =
        new CohortOverviews(
            indexes.elasticsearch,
            indexes.stories,
            new ReviewAgreement(indexes.elasticsearch, indexes.evaluations));
  }

  @AfterEach
  void dropIndexes() throws Exception {
    indexes.close();
  }

  @Test
  void countsTheCohortsCurrentStoriesPerPitfallWithAWeeklyTrend() {
    write(judged("s1", "alice", "cohort-1", 35, "weak", List.of("we-not-i", "vague-outcome")));
    write(judged("s2", "bob", "cohort-1", 45, "mixed", List.of("we-not-i")));
    write(judged("s3", "carol", "cohort-1", 80, "strong", List.of()));
    write(archived(judged("s4", "alice", "cohort-1", 20, "weak", List.of("we-not-i"))));
    write(judged("s5", "dan", "cohort-2", 30, "weak", List.of("we-not-i")));
    evaluation("e1", "s1", "cohort-1", "automatic", 1, 35, "weak", List.of("we-not-i"), week(-3));
    evaluation("e2", "s2", "cohort-1", "automatic", 1, 45, "mixed", List.of("we-not-i"), week(0));
    evaluation("e3", "s1", "cohort-1", "automatic", 2, 35, "weak", List.of("we-not-i"), week(0));
    evaluation("e4", "s3", "cohort-1", "automatic", 1, 80, "strong", List.of(), week(0));
    evaluation("e5", "s5", "cohort-2", "automatic", 1, 30, "weak", List.of("we-not-i"), week(0));
    evaluation("e6", "s1", "cohort-1", "automatic", 1, 35, "weak", List.of("we-not-i"), week(-9));
    indexes.refresh();

    List<PitfallTrend> pitfalls = pitfallTrends.of("cohort-1");

    PitfallTrend weNotI =
        pitfalls.stream().filter(p -> p.pitfall().equals("we-not-i")).findFirst().orElseThrow();
    assertThat(weNotI.stories())
        .as("archived and other cohorts' stories do not count")
        .isEqualTo(2);
    assertThat(weNotI.share()).isEqualTo(0.667);
    assertThat(weNotI.trend()).hasSize(PitfallTrends.WEEKS);
    assertThat(weNotI.trend().get(0).week()).isEqualTo(LocalDate.parse("2026-10-05"));
    PitfallTrend.Week thisWeek = weNotI.trend().get(PitfallTrends.WEEKS - 1);
    assertThat(thisWeek.week()).isEqualTo(LocalDate.parse("2026-11-23"));
    assertThat(thisWeek.stories()).isEqualTo(2);
    assertThat(thisWeek.evaluatedStories()).isEqualTo(3);
    assertThat(weNotI.trend().get(PitfallTrends.WEEKS - 4).stories()).isEqualTo(1);
    assertThat(pitfalls)
        .extracting(PitfallTrend::pitfall)
        .containsExactlyInAnyOrder("we-not-i", "vague-outcome");
  }

  @Test
  void overviewSpreadsScoresFindsWeakCriteriaAndCandidatesNeedingAttention() {
    write(judged("s1", "alice", "cohort-1", 35, "weak", List.of()));
    write(judged("s2", "alice", "cohort-1", 40, "weak", List.of()));
    write(judged("s3", "bob", "cohort-1", 82, "strong", List.of()));
    write(judged("s4", "bob", "cohort-1", 76, "strong", List.of()));
    write(judged("s5", "bob", "cohort-1", 90, "strong", List.of()));
    write(judged("s6", "zed", "cohort-2", 10, "weak", List.of()));
    evaluation("e1", "s3", "cohort-1", "automatic", 1, 82, "strong", List.of(), week(0));
    evaluation("e2", "s3", "cohort-1", "coach", 1, 70, "strong", List.of(), week(0));
    evaluation("e3", "s1", "cohort-1", "automatic", 1, 35, "weak", List.of(), week(0));
    evaluation("e4", "s1", "cohort-1", "coach", 1, 55, "mixed", List.of(), week(0));
    evaluation("e5", "s2", "cohort-1", "coach", 1, 40, "weak", List.of(), week(0));
    indexes.refresh();

    CohortOverview overview = overviews.of("cohort-1");

    assertThat(overview.stories()).isEqualTo(5);
    assertThat(overview.candidates()).isEqualTo(2);
    CohortOverview.ScoreSpread ownership = overview.byPrinciple().get(0);
    assertThat(ownership.key()).isEqualTo("ownership");
    assertThat(ownership.average()).isEqualTo(64.6);
    assertThat(ownership.bands())
        .contains(new CohortOverview.Band("0-39", 1), new CohortOverview.Band("80-100", 2));
    assertThat(overview.weakestCriteria().get(0).criterion()).isEqualTo("owns-the-outcome");
    assertThat(overview.candidatesNeedingAttention())
        .singleElement()
        .satisfies(
            alice -> {
              assertThat(alice.candidateId()).isEqualTo("alice");
              assertThat(alice.averageScore()).isEqualTo(37.5);
              assertThat(alice.weakStories()).isEqualTo(2);
            });
    assertThat(overview.agreement().pairs()).isEqualTo(2);
    assertThat(overview.agreement().meanScoreDifference()).isEqualTo(16.0);
    assertThat(overview.agreement().sameVerdictShare()).isEqualTo(0.5);
  }

  @Test
  void theReviewQueueHoldsWhatThisCoachHasNotEvaluatedAsItStandsNewestFirst() {
    Instant earlier = NOW.minusSeconds(3600);
    // never evaluated by a coach
    write(Stories.updatedAt(judged("fresh", "alice", "cohort-1", 50, "mixed", List.of()), NOW));
    // evaluated by this coach at revision 1, revised to 2 since
    write(Stories.updatedAt(revised(reviewed("changed", "coach-1", 1), 2), earlier));
    // evaluated by this coach as it stands
    write(reviewed("done", "coach-1", 1));
    // evaluated as it stands, but by an earlier coach of the cohort
    write(reviewed("other-coach", "coach-0", 1));
    write(archived(judged("archived", "alice", "cohort-1", 50, "mixed", List.of())));
    write(judged("elsewhere", "zed", "cohort-2", 50, "mixed", List.of()));
    indexes.refresh();

    ReviewQueue queue = new ReviewQueue(indexes.elasticsearch, indexes.stories);
    List<ReviewQueue.Item> items = queue.of("cohort-1", "coach-1");

    assertThat(items)
        .extracting(ReviewQueue.Item::storyId)
        .containsExactlyInAnyOrder("fresh", "changed", "other-coach");
    assertThat(items.get(0).storyId()).as("newest change first").isEqualTo("fresh");
    ReviewQueue.Item changed =
        items.stream().filter(i -> i.storyId().equals("changed")).findFirst().orElseThrow();
    assertThat(changed.revision()).isEqualTo(2);
    assertThat(changed.reviewedRevision()).isEqualTo(1);
    assertThat(changed.candidateId()).isEqualTo("bob");
    assertThat(queue.of("cohort-1", "coach-0"))
        .extracting(ReviewQueue.Item::storyId)
        .containsExactlyInAnyOrder("fresh", "changed", "done");
  }

  private static StoryDocument reviewed(String id, String coachId, int revision) {
    StoryDocument story = judged(id, "bob", "cohort-1", 70, "strong", List.of());
    Assessment coach =
        new Assessment(
            "c-" + id,
            "coach",
            coachId,
            revision,
            "coach",
            72,
            "strong",
            true,
            List.of(),
            List.of(),
            List.of(),
            NOW.minusSeconds(7200));
    return story.withEvaluations(story.latestAutomatic(), coach);
  }

  private static StoryDocument revised(StoryDocument story, int revision) {
    return new StoryDocument(
        story.storyId(),
        story.authorId(),
        story.cohortId(),
        story.title(),
        story.principles(),
        story.prompts(),
        story.level(),
        story.situation(),
        story.task(),
        story.action(),
        story.result(),
        story.status(),
        story.version() + 1,
        revision,
        story.createdAt(),
        story.updatedAt(),
        story.latestAutomatic(),
        story.latestCoach(),
        story.vectors());
  }

  private static Instant week(int offset) {
    return NOW.minusSeconds(7L * 24 * 3600 * -offset);
  }

  private static StoryDocument judged(
      String id, String author, String cohort, int score, String verdict, List<String> pitfalls) {
    Assessment assessment =
        new Assessment(
            "a-" + id,
            "automatic",
            "svc",
            1,
            "r1",
            score,
            verdict,
            score >= 60,
            pitfalls,
            List.of(
                new Assessment.Criterion("owns-the-outcome", score >= 60 ? 3 : 1),
                new Assessment.Criterion("acts-without-being-asked", 3)),
            List.of(),
            NOW);
    return story(id, author, cohort, id, 1).withEvaluations(assessment, null);
  }

  private void evaluation(
      String id,
      String storyId,
      String cohort,
      String evaluator,
      int revision,
      int score,
      String verdict,
      List<String> pitfalls,
      Instant at) {
    indexes.evaluations.write(
        new EvaluationDocument(
            id,
            storyId,
            "someone",
            cohort,
            List.of("ownership"),
            "mid",
            revision,
            new Assessment(
                id,
                evaluator,
                evaluator + "-1",
                revision,
                "r1",
                score,
                verdict,
                score >= 60,
                pitfalls,
                List.of(),
                List.of(),
                at)));
  }

  private void write(StoryDocument story) {
    indexes.stories.write(story);
  }
}
