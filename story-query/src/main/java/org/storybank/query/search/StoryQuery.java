package org.storybank.query.search;

import java.time.Instant;

/**
 * What the caller asked for; every filter is optional and narrows, never widens, their scope.
 * Checked by {@link StoryQueryParser} before it gets here. {@code archived} asks for the archived
 * stories instead of the others (the story list shows them apart).
 */
record StoryQuery(
    String text,
    String principle,
    String level,
    String pitfall,
    String verdict,
    Integer minScore,
    Integer maxScore,
    Boolean quantified,
    String candidateId,
    String cohortId,
    Instant updatedFrom,
    Instant updatedTo,
    Sort sort,
    int from,
    int size,
    boolean archived) {

  static final int MAX_SIZE = 100;
  static final int MAX_DEPTH = 1_000;

  enum Sort {
    RELEVANCE,
    SCORE,
    RECENCY
  }

  static StoryQuery text(String text, int size) {
    return new StoryQuery(
        text,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Sort.RELEVANCE,
        0,
        size,
        false);
  }

  boolean hasText() {
    return text != null && !text.isBlank();
  }
}
