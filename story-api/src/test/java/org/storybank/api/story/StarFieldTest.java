package org.storybank.api.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StarFieldTest {

  private final StarText star = new StarText("s", "t", "a", "r");

  @Test
  void eachPartReadsItsOwnTextInStarOrder() {
    assertThat(star.byField())
        .containsExactly(
            java.util.Map.entry("situation", "s"),
            java.util.Map.entry("task", "t"),
            java.util.Map.entry("action", "a"),
            java.util.Map.entry("result", "r"));
    assertThat(StarField.ACTION.of(star)).isEqualTo("a");
    assertThat(StarField.RESULT.label()).isEqualTo("Result");
  }

  @Test
  void onlyTheFourPartsAreFields() {
    assertThat(StarField.fromId("task")).contains(StarField.TASK);
    assertThat(StarField.fromId("title")).isEmpty();
    assertThat(StarField.fromId("Task")).isEmpty();
    assertThat(StarField.fromId(null)).isEmpty();
  }
}
