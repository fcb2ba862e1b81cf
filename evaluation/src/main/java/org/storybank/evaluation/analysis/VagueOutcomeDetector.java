package org.storybank.evaluation.analysis;

import java.util.List;
import java.util.Optional;
import org.storybank.rubric.PitfallIds;

/** The result names no specific outcome: "it was a success", "everyone was happy". */
final class VagueOutcomeDetector implements PitfallDetector {

  @Override
  public String pitfallId() {
    return PitfallIds.VAGUE_OUTCOME;
  }

  @Override
  public Optional<String> detect(StoryReading story) {
    if (story.text(Field.RESULT).isBlank()) {
      return Optional.of("There is no result at all.");
    }
    if (ResultMeasure.isMeasured(story)) {
      return Optional.empty();
    }
    List<Hit> vague = story.hits(Lexicon.VAGUE_OUTCOME, Field.RESULT);
    int concrete = story.count(Lexicon.CONCRETE_OUTCOME, Field.RESULT);
    if (vague.isEmpty() || (concrete > 0 && vague.size() <= concrete)) {
      return Optional.empty();
    }
    String shown = story.quotes(vague, 2);
    return Optional.of(shown + " No specific change is named that you can point to as yours.");
  }
}
