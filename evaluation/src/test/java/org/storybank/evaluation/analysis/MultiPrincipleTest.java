package org.storybank.evaluation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.storybank.rubric.RubricCatalog;

/** A story tagged with several principles: the primary one's bar, every tagged one's criteria. */
class MultiPrincipleTest {

  private final StoryAnalyser analyser = new StoryAnalyser(RubricCatalog.load());

  private StoryInput story(List<String> also) {
    return new StoryInput(
        "multi",
        "ownership",
        also,
        "mid",
        "Tell me about a time you found the real cause of a problem nobody owned.",
        "The export job of our reporting service crashed about once a week, and the person on"
            + " call restarted it each time.",
        "Nobody had picked up the ticket, so I asked my manager for two days to find the cause.",
        "I took a heap dump during the next crash and found that the job loaded the whole month"
            + " into memory. I changed it to stream rows in pages, added a test and an alert.",
        "Crashes went from weekly to zero over the next quarter. I learned that a restart that"
            + " always works is a bug not yet found.");
  }

  @Test
  void theOtherPrinciplesCriteriaAreScoredBesideThePrimaryOnes() {
    Evaluation alone = analyser.evaluate(story(List.of()));
    Evaluation tagged = analyser.evaluate(story(List.of("dive-deep")));
    assertThat(alone.criteria()).noneMatch(c -> c.id().startsWith("dive-deep/"));
    assertThat(tagged.criteria())
        .filteredOn(c -> c.id().startsWith("dive-deep/"))
        .hasSize(RubricCatalog.load().principle("dive-deep").orElseThrow().criteria().size())
        .allSatisfy(c -> assertThat(c.score()).isBetween(1, 4));
    assertThat(tagged.criteria()).containsAll(alone.criteria());
  }

  @Test
  void theBarIsThePrimaryPrinciples() {
    Evaluation alone = analyser.evaluate(story(List.of()));
    Evaluation tagged = analyser.evaluate(story(List.of("dive-deep", "frugality")));
    assertThat(tagged.principle()).isEqualTo("ownership");
    assertThat(tagged.score()).isEqualTo(alone.score());
    assertThat(tagged.meetsBar()).isEqualTo(alone.meetsBar());
  }

  @Test
  void thePrimaryPrincipleIsNotJudgedTwice() {
    Evaluation tagged = analyser.evaluate(story(List.of("ownership", "dive-deep")));
    assertThat(tagged.criteria()).noneMatch(c -> c.id().startsWith("ownership/"));
  }
}
