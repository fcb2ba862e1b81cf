package org.storybank.evaluation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storybank.evaluation.labelled.LabelledSet;
import org.storybank.evaluation.labelled.LabelledStory;
import org.storybank.rubric.PitfallIds;
import org.storybank.rubric.RubricCatalog;

/**
 * The ownership theme page's three sample answers (retold in our words) get the page's verdicts.
 */
class SeedSamplesTest {

  private static Map<String, Evaluation> evaluations;

  @BeforeAll
  static void evaluate() {
    StoryAnalyser analyser = new StoryAnalyser(RubricCatalog.load());
    evaluations =
        LabelledSet.load("seed/seed-samples.yaml").stream()
            .map(LabelledStory::input)
            .map(analyser::evaluate)
            .collect(Collectors.toMap(Evaluation::id, Function.identity()));
  }

  @Test
  void theMigrationNobodyWantedToLeadMeetsTheSeniorBar() {
    Evaluation migration = evaluations.get("seed-migration");
    assertThat(migration.level()).isEqualTo("senior");
    assertThat(migration.meetsBar()).isTrue();
    assertThat(migration.verdict()).isEqualTo("strong");
    assertThat(migration.metrics())
        .anySatisfy(
            metric -> {
              assertThat(metric.kind()).isEqualTo("change");
              assertThat(metric.value()).isEqualTo(-100);
              assertThat(metric.text()).isEqualTo("from monthly to zero");
            });
  }

  @Test
  void theShortTermWinGivenUpMeetsTheSeniorBar() {
    Evaluation blackFriday = evaluations.get("seed-black-friday");
    assertThat(blackFriday.meetsBar()).isTrue();
    assertThat(blackFriday.verdict()).isEqualTo("strong");
    assertThat(blackFriday.metrics())
        .anySatisfy(
            metric -> {
              assertThat(metric.kind()).isEqualTo("money");
              assertThat(metric.value()).isEqualTo(1_200_000);
            });
  }

  @Test
  void shippingTheAssignedProjectDoesNot() {
    Evaluation shipped = evaluations.get("seed-shipped-my-project");
    assertThat(shipped.meetsBar()).isFalse();
    assertThat(shipped.verdict()).isEqualTo("weak");
    assertThat(shipped.pitfalls())
        .extracting(Evaluation.PitfallFinding::id)
        .contains(
            PitfallIds.ASSIGNED_SCOPE_ONLY, PitfallIds.NO_SPECIFICS, PitfallIds.GENERIC_EFFORT);
  }
}
