package org.storybank.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storybank.query.search.QuestionFusion.Candidate;
import org.storybank.query.search.QuestionFusion.Fused;
import org.storybank.query.search.QuestionFusion.Weights;

class QuestionFusionTest {

  private static List<String> order(List<Fused> fused) {
    return fused.stream().map(Fused::storyId).toList();
  }

  @Test
  void aStoryTaggedWithTheQuestionsPrincipleRisesAboveOneThatOnlySharesWords() {
    List<Candidate> candidates =
        List.of(
            new Candidate("words", 9.0, 0.30, null, List.of("frugality")),
            new Candidate("tagged", 2.0, 0.32, null, List.of("have-backbone")),
            new Candidate("neither", 0.0, 0.10, null, List.of("think-big")));
    List<Fused> fused =
        QuestionFusion.fuse(candidates, Map.of("have-backbone", 0.8), Weights.TUNED);
    assertThat(order(fused)).containsExactly("tagged", "words", "neither");
    assertThat(fused.get(0).principleFit())
        .isEqualTo(Math.sqrt(0.8), org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void withoutAPrincipleReadingTheMeaningAndTheWordsDecide() {
    List<Candidate> candidates =
        List.of(
            new Candidate("close", 1.0, 0.55, null, List.of()),
            new Candidate("far", 1.0, 0.05, null, List.of()),
            new Candidate("middle", 1.0, 0.30, null, List.of()));
    assertThat(order(QuestionFusion.fuse(candidates, Map.of(), Weights.TUNED)))
        .containsExactly("close", "middle", "far");
  }

  @Test
  void aStoryNoMeaningRankingReachedStandsAtTheLowestSimilarity() {
    List<Candidate> candidates =
        List.of(
            new Candidate("unreached", 0.0, null, null, List.of()),
            new Candidate("low", 0.0, 0.10, null, List.of()),
            new Candidate("high", 0.0, 0.50, null, List.of()));
    List<Fused> fused = QuestionFusion.fuse(candidates, Map.of(), Weights.TUNED);
    assertThat(order(fused).get(0)).isEqualTo("high");
    assertThat(fused.get(1).score()).isEqualTo(fused.get(2).score());
  }

  @Test
  void linkedPromptsOnlyEverLiftAStory() {
    List<Candidate> candidates =
        List.of(
            new Candidate("linked-far", 0.0, 0.30, 0.10, List.of()),
            new Candidate("unlinked", 0.0, 0.30, null, List.of()),
            new Candidate("linked-close", 0.0, 0.30, 0.70, List.of()));
    List<Fused> fused = QuestionFusion.fuse(candidates, Map.of(), Weights.TUNED);
    assertThat(order(fused).get(0)).isEqualTo("linked-close");
    Map<String, Double> scores =
        fused.stream().collect(java.util.stream.Collectors.toMap(Fused::storyId, Fused::score));
    assertThat(scores.get("linked-far")).isEqualTo(scores.get("unlinked"));
  }

  @Test
  void aFewWordsPutTheStoryHoldingThemFirstWhateverItsMeaning() {
    List<Candidate> candidates =
        List.of(
            new Candidate("holds-the-word", 4.0, 0.05, null, List.of()),
            new Candidate("close-a", 0.0, 0.42, null, List.of()),
            new Candidate("close-b", 0.0, 0.40, null, List.of()),
            new Candidate("far", 0.0, 0.10, null, List.of()));
    assertThat(Weights.forQuery("zanzibar")).isEqualTo(Weights.WORDS);
    assertThat(order(QuestionFusion.fuse(candidates, Map.of(), Weights.forQuery("zanzibar"))))
        .first()
        .isEqualTo("holds-the-word");
    assertThat(Weights.forQuery("Tell me about a time you disagreed")).isEqualTo(Weights.TUNED);
  }

  @Test
  void equalScoresKeepAStableOrderByStoryId() {
    List<Candidate> candidates =
        List.of(
            new Candidate("b", 0.0, 0.2, null, List.of()),
            new Candidate("a", 0.0, 0.2, null, List.of()));
    assertThat(order(QuestionFusion.fuse(candidates, Map.of(), Weights.TUNED)))
        .containsExactly("a", "b");
  }

  @Test
  void theFitIsTheStrongestTaggedPrinciplesRoot() {
    assertThat(
            QuestionFusion.principleFit(
                List.of("ownership", "earn-trust"), Map.of("earn-trust", 0.25, "ownership", 0.04)))
        .isEqualTo(0.5);
    assertThat(QuestionFusion.principleFit(List.of("frugality"), Map.of("earn-trust", 0.9)))
        .isZero();
  }
}
