package org.storybank.evaluation.analysis;

import java.util.List;
import java.util.Optional;
import org.storybank.rubric.PitfallIds;

/** Heroics spent on a deadline that the candidate never questioned. */
final class MartyrdomDetector implements PitfallDetector {

  /** The candidate's own hours: heroics in the situation are usually someone else's context. */
  private static final List<Field> WHERE = List.of(Field.TASK, Field.ACTION);

  @Override
  public String pitfallId() {
    return PitfallIds.MARTYRDOM;
  }

  @Override
  public Optional<String> detect(StoryReading story) {
    List<Hit> heroics = story.hits(Lexicon.HEROICS, WHERE);
    if (heroics.isEmpty()
        || !story.has(Lexicon.DEADLINE, Field.STAR)
        || story.has(Lexicon.DEADLINE_QUESTIONED, Field.STAR)) {
      return Optional.empty();
    }
    return Optional.of(
        story.quotes(heroics, 2) + " The deadline itself is never questioned or negotiated.");
  }
}
