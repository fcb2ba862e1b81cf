package org.storybank.evaluation.analysis;

import java.util.List;
import java.util.Optional;
import org.storybank.rubric.PitfallIds;

/**
 * Heroics told as the feat: nights, weekends, skipped holidays in the candidate's own part of the
 * story, spent on a deadline, or piled up ("every evening and both long weekends"), or held up in
 * the result, with no word of having questioned the deadline or of the cost being a mistake. Two
 * weekends spent scoping work nobody asked for are a cost of initiative, not martyrdom; negated
 * hours ("I did not work weekends") are no heroics.
 */
final class MartyrdomDetector implements PitfallDetector {

  /** The candidate's own hours: heroics in the situation are usually someone else's context. */
  private static final List<Field> WHERE = List.of(Field.TASK, Field.ACTION, Field.RESULT);

  @Override
  public String pitfallId() {
    return PitfallIds.MARTYRDOM;
  }

  @Override
  public Optional<String> detect(StoryReading story) {
    List<Hit> heroics =
        story.hits(Lexicon.HEROICS, WHERE).stream().filter(hit -> !story.negated(hit)).toList();
    if (heroics.isEmpty() || story.has(Lexicon.DEADLINE_QUESTIONED, Field.STAR)) {
      return Optional.empty();
    }
    boolean forADeadline = story.has(Lexicon.DEADLINE, Field.STAR);
    boolean piledUp = heroics.stream().map(hit -> hit.match().phrase()).distinct().count() >= 2;
    boolean inTheResult = heroics.stream().anyMatch(hit -> hit.field() == Field.RESULT);
    if (!forADeadline && !piledUp && !inTheResult) {
      return Optional.empty();
    }
    return Optional.of(
        story.quotes(heroics, 2)
            + " The hours are told as the achievement; the deadline or the load behind them is"
            + " never questioned.");
  }
}
