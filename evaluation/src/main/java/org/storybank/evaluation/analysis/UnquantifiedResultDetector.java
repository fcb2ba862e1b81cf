package org.storybank.evaluation.analysis;

import java.util.Optional;
import org.storybank.rubric.PitfallIds;

/** No figure in the result, in digits or in words. */
final class UnquantifiedResultDetector implements PitfallDetector {

  @Override
  public String pitfallId() {
    return PitfallIds.UNQUANTIFIED_RESULT;
  }

  @Override
  public Optional<String> detect(StoryReading story) {
    if (ResultMeasure.isMeasured(story)) {
      return Optional.empty();
    }
    if (story.text(Field.RESULT).isBlank()) {
      return Optional.of("There is no result, so nothing is measured.");
    }
    return Optional.of(
        story.quote(Field.RESULT, 0)
            + " The result has no figure: no number, percentage, money, time or before-and-after.");
  }
}
