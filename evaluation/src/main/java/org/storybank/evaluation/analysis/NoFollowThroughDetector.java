package org.storybank.evaluation.analysis;

import java.util.Optional;
import org.storybank.rubric.PitfallIds;
import org.storybank.rubric.text.AnalysedText;

/** The story ends at the launch or fix: no monitoring, handover or prevention afterwards. */
final class NoFollowThroughDetector implements PitfallDetector {

  @Override
  public String pitfallId() {
    return PitfallIds.NO_FOLLOW_THROUGH;
  }

  static double strength(StoryReading story) {
    return story.count(Lexicon.FOLLOW_THROUGH, Field.RESULT)
        + 0.5 * story.count(Lexicon.FOLLOW_THROUGH, Field.ACTION)
        + 0.5 * story.count(Lexicon.FOLLOW_THROUGH_WEAK, Field.RESULT)
        + 0.25 * story.count(Lexicon.FOLLOW_THROUGH_WEAK, Field.ACTION);
  }

  @Override
  public Optional<String> detect(StoryReading story) {
    boolean noResult = MissingStarPartDetector.isMissing(story.text(Field.RESULT));
    if (!noResult && (!story.has(Lexicon.DELIVERY, Field.STAR) || strength(story) >= 1)) {
      return Optional.empty();
    }
    if (noResult) {
      return Optional.of(
          "There is no real result, so nothing shows what happened after the launch or fix.");
    }
    return Optional.of(
        "The story ends at "
            + lastWords(story)
            + "; nothing about monitoring it, handing it over or preventing a repeat.");
  }

  /** The story's last sentence, quoted: where it ends. */
  static String lastWords(StoryReading story) {
    for (Field field : new Field[] {Field.RESULT, Field.ACTION}) {
      AnalysedText text = story.text(field);
      if (!text.sentences().isEmpty()) {
        return story.quote(field, text.sentences().size() - 1);
      }
    }
    return "the delivery";
  }
}
