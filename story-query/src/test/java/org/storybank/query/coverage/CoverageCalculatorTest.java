package org.storybank.query.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storybank.query.projection.Assessment;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.semantic.StoryEmbedder;
import org.storybank.query.support.TestIndexes;
import org.storybank.rubric.RubricCatalog;

/** Coverage from a small bank, with the real sentence model and the real catalog. */
class CoverageCalculatorTest {

  private final RubricCatalog catalog = RubricCatalog.load();
  private final CoverageCalculator calculator =
      new CoverageCalculator(catalog.principles(), TestIndexes.principles().catalogPrompts());
  private final StoryEmbedder embedder = new StoryEmbedder(TestIndexes.embeddings());

  @Test
  void findsTheBestStoryPerPrincipleAndPromptAndNamesTheGaps() {
    StoryDocument pushback =
        story(
            "s-backbone",
            List.of("have-backbone"),
            "I disagreed with my manager about skipping the load test",
            "My manager wanted to skip the load test to hit the date.",
            "I argued against it in the planning meeting with data from the last outage.",
            82);
    StoryDocument costs =
        story(
            "s-frugal",
            List.of("frugality"),
            "Cutting our cloud bill",
            "Our storage costs doubled in a year.",
            "I moved cold data to cheaper storage and deleted orphaned snapshots.",
            35);

    Coverage coverage = calculator.of("alice", List.of(pushback, costs));

    Coverage.PrincipleCoverage backbone = principle(coverage, "have-backbone");
    assertThat(backbone.strength()).isEqualTo(Coverage.Strength.STRONG);
    assertThat(backbone.bestStory().storyId()).isEqualTo("s-backbone");
    assertThat(backbone.prompts())
        .anySatisfy(
            prompt -> {
              assertThat(prompt.prompt()).containsIgnoringCase("disagreed with your manager");
              assertThat(prompt.bestStory().storyId()).isEqualTo("s-backbone");
              assertThat(prompt.covered()).isTrue();
            });
    assertThat(coverage.gaps())
        .anySatisfy(
            gap -> {
              assertThat(gap.principle()).isEqualTo("frugality");
              assertThat(gap.reason()).startsWith("only weak stories");
            })
        .anySatisfy(
            gap -> {
              assertThat(gap.principle()).isEqualTo("dive-deep");
              assertThat(gap.reason()).isEqualTo("no story is tagged with it");
            });
    assertThat(principle(coverage, "frugality").prompts())
        .allSatisfy(
            prompt -> assertThat(prompt.covered()).as("a weak story covers nothing").isFalse());
    assertThat(coverage.principles()).hasSize(catalog.principles().size());
    assertThat(coverage.stretched()).isEmpty();
  }

  @Test
  void aStoryTaggedWithManyPrinciplesIsStretched() {
    StoryDocument everything =
        story(
            "s-all",
            List.of("ownership", "dive-deep", "frugality", "earn-trust"),
            "The migration",
            "We migrated a database.",
            "I planned and ran the migration.",
            60);

    Coverage coverage = calculator.of("alice", List.of(everything));

    assertThat(coverage.stretched())
        .singleElement()
        .satisfies(
            stretched -> assertThat(stretched.reason()).startsWith("tagged with 4 principles"));
  }

  private static Coverage.PrincipleCoverage principle(Coverage coverage, String id) {
    return coverage.principles().stream()
        .filter(principle -> principle.principle().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private StoryDocument story(
      String id, List<String> principles, String title, String task, String action, int score) {
    Instant at = Instant.parse("2026-11-01T00:00:00Z");
    Assessment assessment =
        new Assessment(
            "a-" + id,
            "automatic",
            "svc",
            1,
            "r1",
            score,
            score >= 70 ? "strong" : "weak",
            score >= 60,
            List.of(),
            List.of(),
            List.of(),
            at);
    return embedder.embed(
        new StoryDocument(
            id,
            "alice",
            "cohort-1",
            title,
            principles,
            List.of(),
            "mid",
            "",
            task,
            action,
            "It went well.",
            "ready",
            3,
            1,
            at,
            at,
            assessment,
            null,
            null));
  }
}
