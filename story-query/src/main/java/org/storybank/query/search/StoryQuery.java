package org.storybank.query.search;

/** What the caller asked for; every filter is optional and narrows, never widens, their scope. */
record StoryQuery(
    String text, String principle, String level, String candidateId, String cohortId, int size) {

  static final int MAX_SIZE = 100;

  StoryQuery {
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
    }
  }

  boolean hasText() {
    return text != null && !text.isBlank();
  }
}
