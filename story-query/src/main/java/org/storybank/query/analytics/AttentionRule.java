package org.storybank.query.analytics;

import java.util.Optional;

/**
 * When a candidate needs a coach's attention, and why: a low average score comes first, then a bank
 * mostly judged weak, then a bank too small to prepare from.
 */
final class AttentionRule {

  static final double LOW_AVERAGE = 50;
  static final double WEAK_SHARE = 0.5;
  static final int FEW_STORIES = 3;

  private AttentionRule() {}

  /**
   * @param average the candidate's average score, null when no story is scored yet
   * @param weak how many of their stories are judged weak
   * @param stories how many stories they have
   */
  static Optional<String> reason(Double average, long weak, long stories) {
    if (average != null && average < LOW_AVERAGE) {
      return Optional.of("average score " + Math.round(average) + " is below " + (int) LOW_AVERAGE);
    }
    if (weak > 0 && weak >= WEAK_SHARE * stories) {
      return Optional.of(weak + " of " + stories + " stories are weak");
    }
    if (stories < FEW_STORIES) {
      return Optional.of("only " + stories + " stories in the bank");
    }
    return Optional.empty();
  }
}
