package org.storybank.evaluation.analysis;

import java.util.Optional;
import org.storybank.rubric.PitfallIds;
import org.storybank.rubric.text.AnalysedText;

/** No obstacles, decisions or trade-offs: the action could belong to any project. */
final class NoSpecificsDetector implements PitfallDetector {

  /** With this few words specific to the story, it reads as generic whatever else it says. */
  static final int FEW_SPECIFIC_WORDS = 6;

  /** With this few, it is generic unless it names an obstacle or a decision. */
  static final int SOME_SPECIFIC_WORDS = 9;

  @Override
  public String pitfallId() {
    return PitfallIds.NO_SPECIFICS;
  }

  @Override
  public Optional<String> detect(StoryReading story) {
    Specificity specificity = story.specificity();
    // figures are specifics too: "thirty bugs by Friday" is not a story about any project
    int specifics = specificity.specificWords() + Math.min(specificity.figures(), 3);
    boolean generic =
        specifics <= FEW_SPECIFIC_WORDS
            || (specifics <= SOME_SPECIFIC_WORDS
                && specificity.decisions() == 0
                && specificity.obstacles() == 0);
    if (!generic) {
      return Optional.empty();
    }
    AnalysedText action = story.text(Field.ACTION);
    String shown = action.isBlank() ? "The action is empty." : story.quote(Field.ACTION, 0);
    return Optional.of(
        shown
            + " No obstacle, decision or trade-off is named, and little that is specific to this"
            + " project.");
  }
}
