package org.storybank.evaluation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storybank.rubric.PitfallIds;
import org.storybank.rubric.RubricCatalog;

/** "Scored harder at senior": an individual contributor's strong story is judged by the level. */
class LevelScalingTest {

  private static StoryAnalyser analyser;

  @BeforeAll
  static void analyser() {
    analyser = new StoryAnalyser(RubricCatalog.load());
  }

  private static Evaluation icStory(String level) {
    return analyser.evaluate(
        new StoryInput(
            "ic-" + level,
            "ownership",
            level,
            "Tell me about a time you fixed something that was not assigned to you.",
            "The export job of our reporting service crashed about once a week with out-of-memory"
                + " errors, and the person on call restarted it each time.",
            "Nobody had picked up the ticket, so I asked my manager for two days to find the real"
                + " cause instead of restarting it again.",
            "I took a heap dump during the next crash and found that the job loaded every row of"
                + " the month into memory before writing the file. I changed it to stream rows in"
                + " pages of ten thousand, added a test with a month of synthetic data, and set an"
                + " alert on the job's memory use. I wrote the cause and the fix into our runbook.",
            "Crashes went from weekly to zero over the next quarter and the export now finishes in"
                + " 6 minutes instead of 25. I learned to treat a restart that always works as a"
                + " bug that has not been found yet."));
  }

  @Test
  void meetsTheBarAtMid() {
    Evaluation mid = icStory("mid");
    assertThat(mid.meetsBar()).isTrue();
    assertThat(mid.hasPitfall(PitfallIds.SCOPE_BELOW_LEVEL)).isFalse();
  }

  @Test
  void scoresLowerAtSeniorThanAtMid() {
    // the README's evaluate example is this story: it must show the level, not score the same
    assertThat(icStory("senior").score()).isLessThan(icStory("mid").score());
  }

  @Test
  void missesItAtSeniorAndStaffForScope() {
    for (String level : new String[] {"senior", "staff"}) {
      Evaluation evaluation = icStory(level);
      assertThat(evaluation.meetsBar()).as(level).isFalse();
      assertThat(evaluation.hasPitfall(PitfallIds.SCOPE_BELOW_LEVEL)).as(level).isTrue();
    }
  }

  @Test
  void theBarRisesWithTheLevel() {
    assertThat(icStory("entry").score()).isEqualTo(icStory("mid").score());
    assertThat(icStory("senior").score()).isLessThan(icStory("mid").score());
  }
}
