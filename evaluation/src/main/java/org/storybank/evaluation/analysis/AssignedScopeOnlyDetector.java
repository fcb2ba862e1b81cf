package org.storybank.evaluation.analysis;

import java.util.List;
import java.util.Optional;
import org.storybank.rubric.PitfallIds;

/**
 * The story is about assigned work done well, with nothing taken on beyond it. Initiative words, or
 * a proposal raised with people outside the task, show the candidate went past the brief.
 */
final class AssignedScopeOnlyDetector implements PitfallDetector {

  @Override
  public String pitfallId() {
    return PitfallIds.ASSIGNED_SCOPE_ONLY;
  }

  @Override
  public Optional<String> detect(StoryReading story) {
    List<Hit> assigned = story.hits(Lexicon.ASSIGNED, Field.STAR);
    if (assigned.isEmpty()
        || story.has(Lexicon.INITIATIVE_STRONG, Field.STAR)
        || story.count(Lexicon.INITIATIVE_WEAK, Field.STAR) > 1
        || (story.has(Lexicon.INITIATIVE_WEAK, Field.STAR)
            && story.has(Lexicon.ESCALATION, Field.STAR))) {
      return Optional.empty();
    }
    return Optional.of(
        story.quotes(assigned, 2) + " Nothing in the story goes beyond the work you were given.");
  }
}
