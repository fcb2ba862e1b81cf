package org.storybank.evaluation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storybank.rubric.PitfallIds;
import org.storybank.rubric.RubricCatalog;

/**
 * Each pitfall detector on a story that shows the pitfall and on one that does not. The stories are
 * variations of one clean story, so each test changes only what the pitfall is about.
 */
class PitfallDetectorsTest {

  private static StoryAnalyser analyser;

  private static final String SITUATION =
      "Our nightly search-index rebuild failed about twice a week and whoever noticed first"
          + " restarted it; the job had no owner since its author left.";
  private static final String TASK =
      "It was not on my team's roadmap, but the failures kept delaying our morning reports, so I"
          + " asked my manager for three days to fix it properly.";
  private static final String ACTION =
      "I compared the logs of ten failed runs and found that the rebuild timed out whenever the"
          + " product catalogue grew past a memory limit. I chose to split the rebuild into batches"
          + " rather than raise the limit, because the catalogue was still growing. I wrote the"
          + " batching change, added an alert when a rebuild runs late, and reviewed the change"
          + " with the search team, who agreed to own the job afterwards.";
  private static final String RESULT =
      "Failed rebuilds went from about two a week to zero over the next three months, and the"
          + " search team has owned the job since. I learned to agree on an owner before writing"
          + " the fix.";

  @BeforeAll
  static void analyser() {
    analyser = new StoryAnalyser(RubricCatalog.load());
  }

  private static Evaluation judge(String level, String s, String t, String a, String r) {
    return analyser.evaluate(
        new StoryInput("t", "ownership", level, "Tell me about a time…", s, t, a, r));
  }

  private static Evaluation clean(String level) {
    return judge(level, SITUATION, TASK, ACTION, RESULT);
  }

  @Test
  void theCleanStoryShowsNoPitfallAndMeetsTheBarAtSenior() {
    Evaluation evaluation = clean("senior");
    assertThat(evaluation.pitfalls()).isEmpty();
    assertThat(evaluation.meetsBar()).isTrue();
    assertThat(evaluation.verdict()).isEqualTo("strong");
  }

  @Test
  void assignedScopeOnly() {
    Evaluation assigned =
        judge(
            "mid",
            "My manager assigned me the rebuild of our search index job and gave me a date.",
            "My job was to deliver the new job by the end of the month.",
            ACTION.replace("who agreed to own the job afterwards", "who reviewed it"),
            RESULT);
    assertThat(assigned.hasPitfall(PitfallIds.ASSIGNED_SCOPE_ONLY)).isTrue();
    assertThat(clean("mid").hasPitfall(PitfallIds.ASSIGNED_SCOPE_ONLY)).isFalse();
  }

  @Test
  void martyrdom() {
    Evaluation heroics =
        judge(
            "mid",
            SITUATION,
            "The new index had to go live before the launch date marketing had announced.",
            "I worked every weekend and most nights for a month to finish it. " + ACTION,
            RESULT);
    assertThat(heroics.hasPitfall(PitfallIds.MARTYRDOM)).isTrue();
    Evaluation negotiated =
        judge(
            "mid",
            SITUATION,
            "The new index had to go live before the launch date marketing had announced.",
            "I worked two weekends, then pushed back on the date and we cut the scope to the"
                + " catalogue search only. "
                + ACTION,
            RESULT);
    assertThat(negotiated.hasPitfall(PitfallIds.MARTYRDOM)).isFalse();
    assertThat(clean("mid").hasPitfall(PitfallIds.MARTYRDOM)).isFalse();
  }

  @Test
  void martyrdomIsReadInOtherWordsWithoutADeadlineAndNotWhenNegated() {
    Evaluation piledUp =
        judge(
            "mid",
            SITUATION,
            TASK,
            "I barely slept for a week and pulled three double shifts in a row. " + ACTION,
            RESULT);
    assertThat(piledUp.hasPitfall(PitfallIds.MARTYRDOM)).as(piledUp.pitfalls().toString()).isTrue();
    Evaluation boasted =
        judge("mid", SITUATION, TASK, ACTION, RESULT + " I even cancelled my holiday for it.");
    assertThat(boasted.hasPitfall(PitfallIds.MARTYRDOM)).isTrue();
    Evaluation negated =
        judge(
            "mid",
            SITUATION,
            "The new index had to go live before the launch date marketing had announced.",
            "I did not work weekends on it; I asked for the two engineers instead. " + ACTION,
            RESULT);
    assertThat(negated.hasPitfall(PitfallIds.MARTYRDOM)).isFalse();
    Evaluation initiative =
        judge(
            "mid",
            SITUATION,
            TASK,
            "I spent two weekends scoping the migration before proposing it. " + ACTION,
            RESULT);
    assertThat(initiative.hasPitfall(PitfallIds.MARTYRDOM))
        .as("two weekends spent on work nobody asked for are a cost of initiative")
        .isFalse();
  }

  @Test
  void genericEffort() {
    Evaluation effort =
        judge(
            "mid",
            SITUATION,
            TASK,
            "I worked hard on it, made sure everything went well and did whatever it took.",
            RESULT);
    assertThat(effort.hasPitfall(PitfallIds.GENERIC_EFFORT)).isTrue();
    assertThat(clean("mid").hasPitfall(PitfallIds.GENERIC_EFFORT)).isFalse();
  }

  @Test
  void noEscalation() {
    Evaluation silent =
        judge(
            "mid",
            "A customer reported that they could see another customer's invoices: a security bug"
                + " in production.",
            "I was the engineer on the billing team who found the cause.",
            "I found the missing tenant check in the invoice query, fixed it and deployed the fix"
                + " the same evening. I added a regression test for the tenant check.",
            "No further reports came in over the next month. I learned to test tenant isolation"
                + " on every query.");
    assertThat(silent.hasPitfall(PitfallIds.NO_ESCALATION)).isTrue();
    Evaluation raised =
        judge(
            "mid",
            "A customer reported that they could see another customer's invoices: a security bug"
                + " in production.",
            "I was the engineer on the billing team who found the cause.",
            "I told my manager and the security team within the hour, then found the missing"
                + " tenant check in the invoice query, fixed it and deployed the fix the same"
                + " evening. I added a regression test for the tenant check.",
            "No further reports came in over the next month. I learned to test tenant isolation"
                + " on every query.");
    assertThat(raised.hasPitfall(PitfallIds.NO_ESCALATION)).isFalse();
  }

  @Test
  void noFollowThrough() {
    Evaluation stopsAtLaunch =
        judge(
            "mid",
            SITUATION,
            TASK,
            "I compared the logs of ten failed runs, found the memory limit, chose batches over a"
                + " bigger limit, and shipped the batching change.",
            "Failed rebuilds went from about two a week to zero. I learned to read the logs of"
                + " several failures before guessing.");
    assertThat(stopsAtLaunch.hasPitfall(PitfallIds.NO_FOLLOW_THROUGH)).isTrue();
    assertThat(clean("mid").hasPitfall(PitfallIds.NO_FOLLOW_THROUGH)).isFalse();
  }

  @Test
  void vagueOutcome() {
    Evaluation vague =
        judge(
            "mid",
            SITUATION,
            TASK,
            ACTION,
            "It was a big success and everyone on the team was happy with it.");
    assertThat(vague.hasPitfall(PitfallIds.VAGUE_OUTCOME)).isTrue();
    Evaluation concreteButUnmeasured =
        judge(
            "mid",
            SITUATION,
            TASK,
            ACTION,
            "The rebuild stopped failing and the search team took over the job.");
    assertThat(concreteButUnmeasured.hasPitfall(PitfallIds.VAGUE_OUTCOME)).isFalse();
    assertThat(clean("mid").hasPitfall(PitfallIds.VAGUE_OUTCOME)).isFalse();
  }

  @Test
  void aTeamThatIsNotThereIsNoReach() {
    Evaluation unowned =
        judge(
            "senior",
            "No team owned the release pipeline, and its builds failed twice a week.",
            "It was not my job, but I decided to fix it.",
            "I traced the failures to a stale cache, rewrote the cache step and added a check that"
                + " fails the build when the cache is stale.",
            "Failures dropped from two a week to zero over three months. I learned to ask who owns a"
                + " thing before fixing it.");
    assertThat(unowned.hasPitfall(PitfallIds.SCOPE_BELOW_LEVEL))
        .as("'no team owned' names no other team")
        .isTrue();
  }

  @Test
  void scopeBelowLevel() {
    String ownTask =
        "I compared the logs of ten failed runs and found that the rebuild timed out whenever the"
            + " catalogue grew past a memory limit. I chose to split the rebuild into batches"
            + " rather than raise the limit. I wrote the batching change and added an alert when a"
            + " rebuild runs late.";
    String ownResult =
        "Failed rebuilds went from about two a week to zero over the next three months. I"
            + " learned to read several failures before guessing.";
    assertThat(
            judge("mid", SITUATION, TASK, ownTask, ownResult)
                .hasPitfall(PitfallIds.SCOPE_BELOW_LEVEL))
        .isFalse();
    assertThat(
            judge("senior", SITUATION, TASK, ownTask, ownResult)
                .hasPitfall(PitfallIds.SCOPE_BELOW_LEVEL))
        .isTrue();
    assertThat(clean("senior").hasPitfall(PitfallIds.SCOPE_BELOW_LEVEL)).isFalse();
    assertThat(clean("staff").hasPitfall(PitfallIds.SCOPE_BELOW_LEVEL)).isTrue();
  }

  @Test
  void noSpecifics() {
    Evaluation generic =
        judge(
            "mid",
            "We had a problem with one of our projects.",
            "I needed to get things back on track.",
            "I looked into it, talked to people and came up with a plan. Then I carried it out"
                + " with the team.",
            "Things got much better after that.");
    assertThat(generic.hasPitfall(PitfallIds.NO_SPECIFICS)).isTrue();
    assertThat(clean("mid").hasPitfall(PitfallIds.NO_SPECIFICS)).isFalse();
  }

  @Test
  void weNotI() {
    Evaluation we =
        judge(
            "mid",
            SITUATION,
            TASK,
            "We compared the logs of ten failed runs and found the memory limit. We decided to"
                + " split the rebuild into batches, and the team wrote the change. We added an"
                + " alert and handed the job to the search team.",
            RESULT);
    assertThat(we.hasPitfall(PitfallIds.WE_NOT_I)).isTrue();
    assertThat(clean("mid").hasPitfall(PitfallIds.WE_NOT_I)).isFalse();
  }

  @Test
  void unquantifiedResult() {
    Evaluation unmeasured =
        judge(
            "mid",
            SITUATION,
            TASK,
            ACTION,
            "The rebuild stopped failing and the search team took over the job. I learned to"
                + " agree on an owner first.");
    assertThat(unmeasured.hasPitfall(PitfallIds.UNQUANTIFIED_RESULT)).isTrue();
    Evaluation inWords =
        judge(
            "mid",
            SITUATION,
            TASK,
            ACTION,
            "Failed rebuilds were cut in half in the first week and stopped entirely after that.");
    assertThat(inWords.hasPitfall(PitfallIds.UNQUANTIFIED_RESULT)).isFalse();
    assertThat(clean("mid").hasPitfall(PitfallIds.UNQUANTIFIED_RESULT)).isFalse();
  }

  @Test
  void missingStarPart() {
    Evaluation noTask = judge("mid", SITUATION, "", ACTION, RESULT);
    assertThat(noTask.hasPitfall(PitfallIds.MISSING_STAR_PART)).isTrue();
    assertThat(noTask.pitfalls().stream().filter(p -> p.id().equals("missing-star-part")))
        .singleElement()
        .satisfies(p -> assertThat(p.evidence()).contains("task is empty"));
    Evaluation tokenResult = judge("mid", SITUATION, TASK, ACTION, "TBD.");
    assertThat(tokenResult.hasPitfall(PitfallIds.MISSING_STAR_PART)).isTrue();
    assertThat(clean("mid").hasPitfall(PitfallIds.MISSING_STAR_PART)).isFalse();
  }

  @Test
  void noReflection() {
    Evaluation noLesson =
        judge(
            "mid",
            SITUATION,
            TASK,
            ACTION,
            "Failed rebuilds went from about two a week to zero over the next three months.");
    assertThat(noLesson.hasPitfall(PitfallIds.NO_REFLECTION)).isTrue();
    Evaluation hollow =
        judge(
            "mid",
            SITUATION,
            TASK,
            ACTION,
            "Failed rebuilds went from about two a week to zero. It was a great learning"
                + " experience.");
    assertThat(hollow.hasPitfall(PitfallIds.NO_REFLECTION)).isTrue();
    assertThat(clean("mid").hasPitfall(PitfallIds.NO_REFLECTION)).isFalse();
  }

  @Test
  void evidenceQuotesTheStoryAndAdviceComesFromTheCatalog() {
    Evaluation effort =
        judge(
            "mid",
            SITUATION,
            TASK,
            "I worked hard on it, made sure everything went well and did whatever it took.",
            RESULT);
    Evaluation.PitfallFinding finding =
        effort.pitfalls().stream()
            .filter(p -> p.id().equals(PitfallIds.GENERIC_EFFORT))
            .findFirst()
            .orElseThrow();
    assertThat(finding.evidence()).contains("worked hard on it, made sure everything went well");
    assertThat(finding.advice()).isNotBlank();
  }
}
