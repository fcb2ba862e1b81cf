package org.storybank.query.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storybank.query.projection.Assessment;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.semantic.PromptPrinciples.CatalogPrompt;
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
              assertThat(gap.reason())
                  .startsWith("only “Cutting our cloud bill” is tagged with it")
                  .contains("fits none of its prompts well enough");
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

  @Test
  void eachPromptTakesTheStrongestStoryThatFitsNotTheClosestOne() {
    StoryDocument strong =
        story(
            "s-strong",
            List.of("have-backbone"),
            "I disagreed with my manager about skipping the load test",
            "My manager wanted to skip the load test to hit the date.",
            "I argued against it in the planning meeting with data from the last outage.",
            82);
    StoryDocument weak =
        story(
            "s-weak",
            List.of("have-backbone"),
            "A time I disagreed with my manager",
            "I disagreed with my manager and pushed back on a decision from someone more senior.",
            "I challenged the plan in a meeting and stood firm on something unpopular.",
            3);

    Coverage coverage = calculator.of("alice", List.of(weak, strong));

    Coverage.PrincipleCoverage backbone = principle(coverage, "have-backbone");
    assertThat(backbone.prompts())
        .filteredOn(prompt -> prompt.prompt().contains("disagreed with your manager"))
        .singleElement()
        .satisfies(
            prompt -> {
              assertThat(prompt.bestStory().storyId()).isEqualTo("s-strong");
              assertThat(prompt.covered()).isTrue();
              assertThat(prompt.fit()).isGreaterThanOrEqualTo(CoverageCalculator.MIN_FIT);
            });
    assertThat(backbone.strength()).isEqualTo(Coverage.Strength.STRONG);
    assertThat(backbone.bestStory().storyId()).isEqualTo("s-strong");
    assertThat(coverage.gaps()).extracting(Coverage.Gap::principle).doesNotContain("have-backbone");
    assertStrengthAgreesWithPrompts(coverage);
  }

  @Test
  void oneStoryTaggedWithTenPrinciplesAnswersForThreeAtMostAndTheRestAreGaps() {
    List<String> ten =
        List.of(
            "ownership",
            "dive-deep",
            "frugality",
            "earn-trust",
            "deliver-results",
            "bias-for-action",
            "think-big",
            "have-backbone",
            "customer-obsession",
            "invent-and-simplify");
    StoryDocument generic =
        story(
            "s-generic",
            ten,
            "The big project",
            "We had a big project with a tight deadline.",
            "I worked hard with the team and we delivered the project on time.",
            80);

    Coverage coverage = calculator.of("alice", List.of(generic));

    List<String> answered =
        coverage.principles().stream()
            .filter(principle -> principle.bestStory() != null)
            .map(Coverage.PrincipleCoverage::principle)
            .toList();
    assertThat(answered).hasSizeLessThanOrEqualTo(CoverageCalculator.MAX_PRINCIPLES);
    assertThat(coverage.gaps())
        .extracting(Coverage.Gap::principle)
        .containsAll(ten.stream().filter(id -> !answered.contains(id)).toList());
    assertThat(coverage.gaps())
        .filteredOn(gap -> ten.contains(gap.principle()))
        .hasSizeGreaterThanOrEqualTo(ten.size() - CoverageCalculator.MAX_PRINCIPLES)
        .allSatisfy(
            gap -> assertThat(gap.reason()).startsWith("only “The big project” is tagged with it"));
    assertStrengthAgreesWithPrompts(coverage);
  }

  @Test
  void fitStaysWithinZeroAndOneEvenForATaggedStoryThatIsThePromptItself() {
    String prompt = "Tell me about a time you disagreed with your manager.";
    StoryDocument echo =
        story(
            "s-echo",
            List.of("have-backbone"),
            List.of(new StoryDocument.IndexedPrompt("p-1", prompt, null)),
            prompt,
            prompt,
            prompt,
            75);

    Coverage coverage = calculator.of("alice", List.of(echo));

    for (CatalogPrompt catalogPrompt : TestIndexes.principles().catalogPrompts()) {
      assertThat(CoverageCalculator.fit(catalogPrompt, echo))
          .as(catalogPrompt.text())
          .isBetween(0.0, 1.0);
    }
    assertThat(coverage.principles())
        .flatExtracting(Coverage.PrincipleCoverage::prompts)
        .extracting(Coverage.PromptCoverage::fit)
        .allSatisfy(fit -> assertThat(fit).isBetween(0.0, 1.0));
    assertThat(principle(coverage, "have-backbone").prompts())
        .filteredOn(covered -> covered.prompt().equals(prompt))
        .singleElement()
        .satisfies(covered -> assertThat(covered.fit()).isGreaterThan(0.95));
  }

  /** A strong principle has a prompt covered by a strong story; a principle with none is not. */
  private static void assertStrengthAgreesWithPrompts(Coverage coverage) {
    for (Coverage.PrincipleCoverage principle : coverage.principles()) {
      boolean strongPrompt =
          principle.prompts().stream()
              .anyMatch(
                  prompt ->
                      prompt.covered()
                          && prompt.bestStory().strength() == Coverage.Strength.STRONG);
      assertThat(principle.strength() == Coverage.Strength.STRONG)
          .as(
              "%s is strong exactly when a prompt is covered by a strong story",
              principle.principle())
          .isEqualTo(strongPrompt);
    }
  }

  private static Coverage.PrincipleCoverage principle(Coverage coverage, String id) {
    return coverage.principles().stream()
        .filter(principle -> principle.principle().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private StoryDocument story(
      String id, List<String> principles, String title, String task, String action, int score) {
    return story(id, principles, List.of(), title, task, action, score);
  }

  private StoryDocument story(
      String id,
      List<String> principles,
      List<StoryDocument.IndexedPrompt> prompts,
      String title,
      String task,
      String action,
      int score) {
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
            prompts,
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
