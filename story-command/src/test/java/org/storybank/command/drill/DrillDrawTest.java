package org.storybank.command.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.storybank.api.drill.DrawnPrompt;
import org.storybank.command.drill.CoverageSnapshot.PrincipleState;
import org.storybank.command.drill.CoverageSnapshot.PromptState;

class DrillDrawTest {

  private static PrincipleState principle(String id, Integer best, PromptState... prompts) {
    return new PrincipleState(
        id, id.toUpperCase(), best == null ? "none" : "weak", best, List.of(prompts));
  }

  private static PromptState covered(String prompt) {
    return new PromptState(prompt, true);
  }

  private static final PrincipleState OWNERSHIP =
      principle("ownership", 82, covered("own-1"), covered("own-2"));
  private static final PrincipleState DIVE_DEEP =
      principle("dive-deep", 55, covered("deep-1"), covered("deep-2"));
  private static final PrincipleState FRUGALITY = principle("frugality", 40, covered("frugal-1"));

  @Test
  void aGapPrincipleIsDrawnBeforeAnythingElse() {
    CoverageSnapshot coverage =
        new CoverageSnapshot(
            List.of(OWNERSHIP, DIVE_DEEP, principle("earn-trust", null, covered("trust-1"))),
            Map.of("earn-trust", "no story tagged"));
    DrawnPrompt drawn =
        new DrillDraw(coverage, List.of()).draw(null, "senior", new Random(1)).orElseThrow();
    assertThat(drawn.principle()).isEqualTo("earn-trust");
    assertThat(drawn.prompt()).isEqualTo("trust-1");
    assertThat(drawn.reason()).isEqualTo(DrawnPrompt.GAP);
    assertThat(drawn.level()).isEqualTo("senior");
    assertThat(drawn.why()).contains("no story tagged");
  }

  @Test
  void aPromptNoStoryFitsIsAGapToo() {
    PrincipleState ownership =
        principle("ownership", 82, covered("own-1"), new PromptState("own-2", false));
    DrawnPrompt drawn =
        new DrillDraw(new CoverageSnapshot(List.of(ownership, DIVE_DEEP), Map.of()), List.of())
            .draw(null, "mid", new Random(7))
            .orElseThrow();
    assertThat(drawn.prompt()).isEqualTo("own-2");
    assertThat(drawn.reason()).isEqualTo(DrawnPrompt.GAP);
  }

  @Test
  void withoutGapsTheWeakestPrincipleIsDrawn() {
    DrawnPrompt drawn =
        new DrillDraw(
                new CoverageSnapshot(List.of(OWNERSHIP, DIVE_DEEP, FRUGALITY), Map.of()), List.of())
            .draw(null, "mid", new Random(3))
            .orElseThrow();
    assertThat(drawn.principle()).isEqualTo("frugality");
    assertThat(drawn.reason()).isEqualTo(DrawnPrompt.WEAK);
    assertThat(drawn.why()).contains("40");
  }

  @Test
  void withNothingWeakThePromptIsRandomAndTheSeedRepeatsIt() {
    CoverageSnapshot strong =
        new CoverageSnapshot(
            List.of(OWNERSHIP, principle("dive-deep", 90, covered("deep-1"))), Map.of());
    DrawnPrompt first =
        new DrillDraw(strong, List.of()).draw(null, "mid", new Random(42)).orElseThrow();
    DrawnPrompt again =
        new DrillDraw(strong, List.of()).draw(null, "mid", new Random(42)).orElseThrow();
    assertThat(first.reason()).isEqualTo(DrawnPrompt.RANDOM);
    assertThat(again).isEqualTo(first);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (long seed = 0; seed < 40; seed++) {
      seen.add(
          new DrillDraw(strong, List.of())
              .draw(null, "mid", new Random(seed))
              .orElseThrow()
              .prompt());
    }
    assertThat(seen).containsExactlyInAnyOrder("own-1", "own-2", "deep-1");
  }

  @Test
  void anAskedPrincipleNarrowsTheDrawEvenPastAGapElsewhere() {
    CoverageSnapshot coverage =
        new CoverageSnapshot(
            List.of(OWNERSHIP, principle("earn-trust", null, covered("trust-1"))),
            Map.of("earn-trust", "no story tagged"));
    DrawnPrompt drawn =
        new DrillDraw(coverage, List.of()).draw("ownership", "mid", new Random(1)).orElseThrow();
    assertThat(drawn.principle()).isEqualTo("ownership");
    assertThat(drawn.reason()).isEqualTo(DrawnPrompt.RANDOM);
    assertThat(drawn.why()).contains("you asked for");
  }

  @Test
  void recentPromptsAreAvoidedWhileOthersRemain() {
    CoverageSnapshot coverage = new CoverageSnapshot(List.of(DIVE_DEEP), Map.of());
    for (long seed = 0; seed < 20; seed++) {
      assertThat(
              new DrillDraw(coverage, List.of("deep-1"))
                  .draw(null, "mid", new Random(seed))
                  .orElseThrow()
                  .prompt())
          .isEqualTo("deep-2");
    }
    assertThat(
            new DrillDraw(coverage, List.of("deep-1", "deep-2")).draw(null, "mid", new Random(0)))
        .isPresent();
  }

  @Test
  void principlesOutsideTheSixteenAreNotDrawn() {
    CoverageSnapshot coverage =
        new CoverageSnapshot(
            List.of(principle("conflict", null, covered("c-1"))), Map.of("conflict", "none"));
    assertThat(new DrillDraw(coverage, List.of()).draw(null, "mid", new Random(0))).isEmpty();
  }

  @Test
  void theCoverageAnswerIsReadByItsFieldNames() throws Exception {
    String json =
        """
        {"candidateId":"c1","stories":2,
         "principles":[{"principle":"ownership","name":"Ownership","strength":"weak",
           "bestStory":{"storyId":"s1","title":"t","score":48,"strength":"weak"},"taggedStories":1,
           "prompts":[{"prompt":"p1","bestStory":null,"fit":null,"covered":false},
                      {"prompt":"p2","bestStory":{"storyId":"s1"},"fit":0.8,"covered":true}]},
           {"principle":"frugality","name":"Frugality","strength":"none","bestStory":null,
            "taggedStories":0,"prompts":[]}],
         "gaps":[{"principle":"frugality","reason":"no story tagged"}],"stretched":[]}
        """;
    CoverageSnapshot snapshot = CoverageClient.parse(new ObjectMapper().readTree(json));
    assertThat(snapshot.principles().get(0))
        .isEqualTo(
            new PrincipleState(
                "ownership",
                "Ownership",
                "weak",
                48,
                List.of(new PromptState("p1", false), covered("p2"))));
    assertThat(snapshot.principles().get(1).bestScore()).isNull();
    assertThat(snapshot.gaps()).containsExactly(Map.entry("frugality", "no story tagged"));
  }
}
