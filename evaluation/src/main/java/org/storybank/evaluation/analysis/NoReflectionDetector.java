package org.storybank.evaluation.analysis;

import java.util.List;
import java.util.Optional;
import org.storybank.rubric.PitfallIds;

/** No lesson, named trade-off, or "what I would do differently". */
final class NoReflectionDetector implements PitfallDetector {

  @Override
  public String pitfallId() {
    return PitfallIds.NO_REFLECTION;
  }

  @Override
  public Optional<String> detect(StoryReading story) {
    if (story.has(Lexicon.REFLECTION, Field.STAR)
        || story.has(Lexicon.TRADE_OFF_NAMED, Field.STAR)) {
      return Optional.empty();
    }
    List<Hit> hollow = story.hits(Lexicon.REFLECTION_HOLLOW, Field.STAR);
    if (!hollow.isEmpty()) {
      return Optional.of(
          story.quotes(hollow, 1) + " This names no lesson, trade-off or change you would make.");
    }
    return Optional.of(
        "No lesson, named trade-off or \"what I would do differently\" anywhere in the story.");
  }
}
