package org.storybank.query.search;

/**
 * Whether a question gets "nothing in your bank fits this well" instead of confident hits: when
 * even the best story shares no word with it, is far from it in meaning, and is not tagged with a
 * principle the question is likely about. On the corpus's tuning banks the signals of the best
 * story for a question no story answers overlap those for questions that have an answer, so the
 * thresholds are set to say it only when the evidence is this thin: a wrong "nothing fits" hides
 * the story the candidate needed.
 */
final class NothingFits {

  /** Below this cosine (MiniLM, question against the whole story) a story is not close. */
  static final double CLOSE_STORY = 0.15;

  /** Below this (square root of the tag's probability) the tags say little. */
  static final double FITTING_TAGS = 0.45;

  private NothingFits() {}

  static boolean says(Integer lexicalRank, Double storyCosine, double principleFit) {
    boolean close = storyCosine != null && storyCosine >= CLOSE_STORY;
    return lexicalRank == null && !close && principleFit < FITTING_TAGS;
  }
}
