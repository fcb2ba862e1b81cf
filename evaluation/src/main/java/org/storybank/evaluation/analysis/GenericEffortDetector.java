package org.storybank.evaluation.analysis;

import java.util.List;
import java.util.Optional;
import org.storybank.rubric.PitfallIds;

/** Effort phrases ("worked hard", "made sure") stand where concrete actions should be. */
final class GenericEffortDetector implements PitfallDetector {

  private static final List<Field> WHERE = List.of(Field.TASK, Field.ACTION);

  @Override
  public String pitfallId() {
    return PitfallIds.GENERIC_EFFORT;
  }

  @Override
  public Optional<String> detect(StoryReading story) {
    List<Hit> effort = story.hits(Lexicon.GENERIC_EFFORT, WHERE);
    if (effort.isEmpty()) {
      return Optional.empty();
    }
    int concrete = story.specificity().concreteActions();
    if (concrete > 1 && effort.size() < concrete) {
      return Optional.empty();
    }
    return Optional.of(story.quotes(effort, 3));
  }
}
