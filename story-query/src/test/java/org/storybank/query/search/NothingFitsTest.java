package org.storybank.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NothingFitsTest {

  @Test
  void saysSoOnlyWhenNoWordMeaningOrTagSpeaksForTheBestStory() {
    assertThat(NothingFits.says(null, 0.05, 0.1)).isTrue();
    assertThat(NothingFits.says(null, null, 0.0)).isTrue();
    assertThat(NothingFits.says(3, 0.05, 0.1)).as("a shared word").isFalse();
    assertThat(NothingFits.says(null, 0.40, 0.1)).as("close in meaning").isFalse();
    assertThat(NothingFits.says(null, 0.05, 0.8))
        .as("tagged with the question's principle")
        .isFalse();
  }
}
