package org.storybank.evaluation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.storybank.rubric.PitfallIds;
import org.storybank.rubric.RubricCatalog;

class PitfallModelTest {

  @Test
  void theShippedModelReadsTheFeaturesTheAnalyserComputes() {
    PitfallModel.Loaded loaded = PitfallModel.load().orElseThrow();
    assertThat(loaded.model().features()).isEqualTo(PitfallFeatures.names());
    assertThat(loaded.model().pitfalls().keySet()).isSubsetOf(PitfallIds.FIXED);
    loaded
        .model()
        .pitfalls()
        .values()
        .forEach(c -> assertThat(c.weights()).hasSize(PitfallFeatures.names().size()));
  }

  @Test
  void theModelIsPartOfTheRubricVersionSoAChangeJudgesEveryStoryAgain() {
    RubricCatalog catalog = RubricCatalog.load();
    String withModel = new StoryAnalyser(catalog).rubricVersion();
    String rulesOnly = new StoryAnalyser(catalog, Optional.empty()).rubricVersion();
    assertThat(rulesOnly).isEqualTo(catalog.version());
    assertThat(withModel).startsWith(catalog.version() + "+").isNotEqualTo(rulesOnly);
  }

  @Test
  void aRuleIsKeptOrDroppedAndAPitfallAddedByTheThresholds() {
    PitfallModel.Classifier classifier = new PitfallModel.Classifier(0, new double[0], 0.7, 0.1);
    assertThat(classifier.decide(0.6, false)).isFalse();
    assertThat(classifier.decide(0.75, false)).isTrue();
    assertThat(classifier.decide(0.2, true)).isTrue();
    assertThat(classifier.decide(0.05, true)).isFalse();
  }

  @Test
  void aPitfallTheModelFindsComesWithEvidence() {
    StoryAnalyser analyser = new StoryAnalyser(RubricCatalog.load());
    Evaluation generic =
        analyser.evaluate(
            new StoryInput(
                "g",
                "customer-obsession",
                "mid",
                "Tell me about a customer.",
                "A client was unhappy with our service.",
                "I had to improve the relationship.",
                "I kept communication open, I was transparent, and I followed up regularly with"
                    + " the various teams.",
                "The client was happy and the relationship became strong."));
    assertThat(generic.pitfalls()).isNotEmpty();
    generic.pitfalls().forEach(p -> assertThat(p.evidence()).isNotBlank());
  }
}
