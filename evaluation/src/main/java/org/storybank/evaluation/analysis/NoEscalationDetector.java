package org.storybank.evaluation.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.storybank.rubric.PitfallIds;

/** Something went wrong or beyond the candidate's authority, and nothing was raised. */
final class NoEscalationDetector implements PitfallDetector {

  @Override
  public String pitfallId() {
    return PitfallIds.NO_ESCALATION;
  }

  @Override
  public Optional<String> detect(StoryReading story) {
    if (story.has(Lexicon.ESCALATION, Field.STAR)) {
      return Optional.empty();
    }
    List<Hit> trouble = new ArrayList<>(story.hits(Lexicon.TROUBLE_SEVERE, Field.STAR));
    if (story.has(Lexicon.DEADLINE, Field.STAR)) {
      trouble.addAll(story.hits(Lexicon.TROUBLE_SLIP, Field.STAR));
    }
    trouble.addAll(story.hits(Lexicon.SILENT_COMPLIANCE, Field.STAR));
    if (trouble.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        story.quotes(trouble, 2) + " The story never says what you raised, with whom, or why.");
  }
}
