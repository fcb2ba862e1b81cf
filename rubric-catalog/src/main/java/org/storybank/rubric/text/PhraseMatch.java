package org.storybank.rubric.text;

/** Where a lexicon phrase was found: its category, the phrase as written, and the token range. */
public record PhraseMatch(
    String category,
    String phrase,
    int firstToken,
    int endToken,
    int start,
    int end,
    int sentence) {

  boolean overlaps(PhraseMatch other) {
    return firstToken < other.endToken && other.firstToken < endToken;
  }
}
