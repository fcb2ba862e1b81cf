package org.storybank.query.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.storybank.api.loop.LoopDetails.Interview;
import org.storybank.query.loop.LoopPlan.Assignment;
import org.storybank.query.loop.LoopPlan.Gap;
import org.storybank.query.projection.LoopDocument;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.search.QuestionAnswers.Answers;
import org.storybank.query.support.Stories;

class LoopPlannerTest {

  private static final String CANDIDATE = "candidate-1";
  private final LoopPlanner planner = new LoopPlanner();

  private static StoryDocument story(String id, String level, Integer score, String... principles) {
    StoryDocument story =
        Stories.banked(
            id,
            CANDIDATE,
            "Story " + id,
            List.of(principles),
            List.of(),
            level,
            "s",
            "t",
            "a",
            "r");
    return score == null
        ? story
        : Stories.evaluated(story, Stories.automatic(score, "strong", List.of()));
  }

  private static LoopDocument loop(String level, Interview... interviews) {
    Instant at = Instant.parse("2026-12-01T00:00:00Z");
    return new LoopDocument(
        "loop-1",
        CANDIDATE,
        "Northwind",
        "northwind",
        "Engineer",
        level,
        "2027-01-31",
        List.of(interviews),
        List.of(),
        false,
        0,
        at,
        at);
  }

  private static Interview interview(String name, String... principles) {
    return new Interview(name, List.of(principles), List.of());
  }

  private LoopPlan plan(LoopDocument loop, List<StoryDocument> bank) {
    return planner.plan(loop, bank, Set.of(), Map.of());
  }

  private static Map<String, String> primaries(LoopPlan plan) {
    return plan.interviews().stream()
        .flatMap(
            interview ->
                interview.assignments().stream()
                    .map(a -> Map.entry(interview.name() + "/" + a.principle(), a.storyId())))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static Assignment assignment(LoopPlan plan, String interview, String principle) {
    return plan.interviews().stream()
        .filter(i -> i.name().equals(interview))
        .flatMap(i -> i.assignments().stream())
        .filter(a -> principle.equals(a.principle()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theWholeLoopIsPlannedAtOnceWhereInterviewByInterviewWouldLeaveAGap() {
    // greedy: the screen takes the 90 for ownership, and the onsite has nothing for dive-deep
    StoryDocument versatile = story("x", "mid", 90, "ownership", "dive-deep");
    StoryDocument narrow = story("y", "mid", 80, "ownership");
    LoopPlan plan =
        plan(
            loop("mid", interview("Screen", "ownership"), interview("Onsite", "dive-deep")),
            List.of(versatile, narrow));

    assertThat(primaries(plan))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("Screen/ownership", "y", "Onsite/dive-deep", "x"));
    assertThat(plan.gaps()).isEmpty();
    assertThat(assignment(plan, "Screen", "ownership").why())
        .contains("“Story y” scores 80 and meets the bar at mid")
        .contains("tagged with ownership")
        .contains("“Story x” (90) is told in Onsite for dive-deep");
  }

  @Test
  void noStoryIsToldTwiceAndBackupsAreStoriesNoSlotTells() {
    List<StoryDocument> bank =
        List.of(
            story("a", "senior", 95, "ownership", "earn-trust"),
            story("b", "senior", 85, "ownership", "earn-trust"),
            story("c", "staff", 75, "ownership", "earn-trust"),
            story("d", "senior", 70, "ownership"),
            story("e", "senior", 65, "earn-trust"));
    LoopPlan plan =
        plan(
            loop(
                "senior",
                interview("Screen", "ownership"),
                interview("Onsite 1", "earn-trust"),
                interview("Onsite 2", "ownership")),
            bank);

    List<String> told =
        plan.interviews().stream()
            .flatMap(i -> i.assignments().stream())
            .map(Assignment::storyId)
            .toList();
    assertThat(told).hasSize(3).doesNotHaveDuplicates().containsExactlyInAnyOrder("a", "b", "c");
    for (Assignment assignment :
        plan.interviews().stream().flatMap(i -> i.assignments().stream()).toList()) {
      assertThat(assignment.backupStoryId()).isIn("d", "e").isNotEqualTo(assignment.storyId());
      assertThat(assignment.why()).contains("Backup: “Story " + assignment.backupStoryId());
    }
    assertThat(plan.gaps()).isEmpty();
  }

  @Test
  void aStoryJudgedAtALowerLevelOrBelowTheBarIsNotGoodEnough() {
    LoopPlan plan =
        plan(
            loop("senior", interview("Screen", "ownership", "frugality", "dive-deep")),
            List.of(
                story("mid-level", "mid", 90, "ownership"),
                story("weak", "senior", 40, "frugality"),
                story("unjudged", "senior", null, "frugality")));

    assertThat(plan.interviews().get(0).assignments()).isEmpty();
    assertThat(plan.gaps())
        .extracting(Gap::principle, Gap::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "ownership",
                "1 story tagged with ownership but none meets the bar at senior (best: “Story"
                    + " mid-level”, 90 judged at mid)"),
            org.assertj.core.groups.Tuple.tuple(
                "frugality",
                "2 stories tagged with frugality but none meets the bar at senior (best: “Story"
                    + " weak”, 40 judged at senior)"),
            org.assertj.core.groups.Tuple.tuple("dive-deep", "no story is tagged with dive-deep"));
  }

  @Test
  void aGapNamesTheStoriesToldElsewhereInTheLoop() {
    LoopPlan plan =
        plan(
            loop("mid", interview("Screen", "ownership"), interview("Onsite", "ownership")),
            List.of(story("only", "mid", 80, "ownership")));

    assertThat(plan.gaps()).hasSize(1);
    assertThat(plan.gaps().get(0).reason())
        .startsWith(
            "the only story that meets the bar for it is told elsewhere in this loop: “Story only” in");
    assertThat(
            assignment(
                    plan,
                    plan.gaps().get(0).interview().equals("Screen") ? "Onsite" : "Screen",
                    "ownership")
                .why())
        .contains("No backup");
  }

  @Test
  void storiesToldAtTheSameCompanyBeforeAreLeftOut() {
    List<StoryDocument> bank =
        List.of(story("told", "mid", 95, "ownership"), story("fresh", "mid", 70, "ownership"));
    LoopPlan plan =
        planner.plan(loop("mid", interview("Screen", "ownership")), bank, Set.of("told"), Map.of());

    Assignment screen = assignment(plan, "Screen", "ownership");
    assertThat(screen.storyId()).isEqualTo("fresh");
    assertThat(screen.backupStoryId()).isNull();
    assertThat(screen.why()).contains("Left out because told at Northwind before: “Story told”");
    assertThat(plan.toldAtCompanyBefore()).containsExactly("told");

    LoopPlan onlyTold =
        planner.plan(
            loop("mid", interview("Screen", "ownership")),
            List.of(story("told", "mid", 95, "ownership")),
            Set.of("told"),
            Map.of());
    assertThat(onlyTold.gaps())
        .extracting(Gap::reason)
        .containsExactly(
            "every story that meets the bar for it was told at Northwind before: “Story told”");
  }

  @Test
  void aQuestionTakesAStoryThePromptSearchFinds() {
    String question = "Tell me about a time you disagreed with your manager";
    List<StoryDocument> bank =
        List.of(
            story("pushback", "mid", 70, "have-backbone"),
            story("other", "mid", 99, "ownership"),
            story("second", "mid", 72, "earn-trust"));
    LoopPlan plan =
        planner.plan(
            loop("mid", new Interview("Bar raiser", List.of(), List.of(question))),
            bank,
            Set.of(),
            Map.of(
                question,
                new Answers(List.of("pushback", "second", "unknown"), List.of("have-backbone"))));

    Assignment assignment = plan.interviews().get(0).assignments().get(0);
    // 72 at rank 2 weighs 72 - 3 = 69 < 70 at rank 1
    assertThat(assignment.storyId()).isEqualTo("pushback");
    assertThat(assignment.question()).isEqualTo(question);
    assertThat(assignment.principle()).isEqualTo("have-backbone");
    assertThat(assignment.backupStoryId()).isEqualTo("second");
    assertThat(assignment.why()).contains("the prompt search ranks it #1 for this question");

    LoopPlan nothing =
        planner.plan(
            loop("mid", new Interview("Bar raiser", List.of(), List.of(question))),
            bank,
            Set.of(),
            Map.of());
    assertThat(nothing.gaps())
        .extracting(Gap::question, Gap::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                question, "the prompt search finds no story for this question"));
  }

  @Test
  void archivedStoriesAreNotPlanned() {
    LoopPlan plan =
        plan(
            loop("mid", interview("Screen", "ownership")),
            List.of(Stories.archived(story("old", "mid", 90, "ownership"))));
    assertThat(plan.gaps())
        .extracting(Gap::reason)
        .containsExactly("no story is tagged with ownership");
  }

  /** Not a timed assertion: prints how long a plan of 6 interviews over 60 stories takes. */
  @Test
  void planTimeForSixInterviewsOverSixtyStories() {
    List<String> principles = org.storybank.api.Principles.AMAZON_LEADERSHIP;
    java.util.Random random = new java.util.Random(60);
    List<StoryDocument> bank = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      bank.add(
          story(
              "s" + i,
              random.nextBoolean() ? "senior" : "staff",
              50 + random.nextInt(50),
              principles.get(random.nextInt(16)),
              principles.get(random.nextInt(16)),
              principles.get(random.nextInt(16))));
    }
    List<Interview> interviews = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      interviews.add(
          interview(
              "Interview " + (i + 1),
              principles.get((i * 3) % 16),
              principles.get((i * 3 + 1) % 16),
              principles.get((i * 3 + 2) % 16)));
    }
    LoopDocument loop = loop("senior", interviews.toArray(Interview[]::new));
    LoopPlan plan = null;
    long best = Long.MAX_VALUE;
    for (int run = 0; run < 50; run++) {
      long start = System.nanoTime();
      plan = plan(loop, bank);
      best = Math.min(best, System.nanoTime() - start);
    }
    List<String> told =
        plan.interviews().stream()
            .flatMap(i -> i.assignments().stream())
            .map(Assignment::storyId)
            .toList();
    assertThat(told).doesNotHaveDuplicates();
    assertThat(told.size() + plan.gaps().size()).isEqualTo(18);
    Set<String> slotsFilled = new HashSet<>(told);
    System.out.printf(
        "loop plan: 6 interviews x 3 principles over 60 stories: %d of 18 slots filled, %.2f ms (best of 50, planner only)%n",
        slotsFilled.size(), best / 1e6);
  }
}
