package org.storybank.query.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentIdsTest {

  @Test
  void anIdElasticsearchCouldHoldIsPossible() {
    assertThat(DocumentIds.possible("0b8f4c1e-2d7a-4f7e-9a51-4c3e2b1d0f9a")).isTrue();
    assertThat(DocumentIds.possible("x".repeat(512))).isTrue();
  }

  @Test
  void nothingLongerThan512BytesNorEmptyIsAnId() {
    assertThat(DocumentIds.possible("y".repeat(5_000))).isFalse();
    assertThat(DocumentIds.possible("é".repeat(300))).as("600 bytes in UTF-8").isFalse();
    assertThat(DocumentIds.possible("")).isFalse();
    assertThat(DocumentIds.possible(null)).isFalse();
  }
}
