package org.storybank.evaluation.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.storybank.evaluation.analysis.Evaluation.PitfallFinding;
import org.storybank.rubric.FollowUp;
import org.storybank.rubric.FollowUpTrigger;

/**
 * Picks the follow-up questions an interviewer would ask about what the story leaves open: one per
 * open gap or pitfall, in the catalog's order, then the principle's standing question.
 */
final class FollowUpChooser {

  private static final int MAX_TARGETED = 4;
  private static final int AT_LEAST = 3;

  List<String> choose(StoryReading story, List<PitfallFinding> pitfalls) {
    Set<String> open = new HashSet<>();
    pitfalls.forEach(pitfall -> open.add(pitfall.id()));
    if (!story.has(Lexicon.COST, Field.STAR) && !story.has(Lexicon.HEROICS, Field.STAR)) {
      open.add(FollowUpTrigger.NO_COST);
    }
    if (!story.has(Lexicon.TRIGGER, Field.STORY_BEFORE_RESULT)) {
      open.add(FollowUpTrigger.NO_TRIGGER);
    }
    if (!story.has(Lexicon.MANAGER, Field.STAR)) {
      open.add(FollowUpTrigger.NO_MANAGER);
    }
    if (!story.has(Lexicon.DECISION, Field.STAR)) {
      open.add(FollowUpTrigger.NO_ALTERNATIVES);
    }
    if (!story.has(Lexicon.CUSTOMER, Field.STAR)) {
      open.add(FollowUpTrigger.NO_CUSTOMER);
    }
    if (story.specificity().figures() == 0) {
      open.add(FollowUpTrigger.NO_DATA);
    }
    List<String> chosen = new ArrayList<>();
    String standing = null;
    for (FollowUp followUp : story.principle().followUps()) {
      if (FollowUpTrigger.ALWAYS.equals(followUp.when())) {
        standing = standing == null ? followUp.question() : standing;
      } else if (open.contains(followUp.when()) && chosen.size() < MAX_TARGETED) {
        chosen.add(followUp.question());
      }
    }
    // even a strong story gets probed: fill with the principle's questions about gaps in general
    for (FollowUp followUp : story.principle().followUps()) {
      if (chosen.size() + (standing == null ? 0 : 1) >= AT_LEAST) {
        break;
      }
      if (FollowUpTrigger.GAPS.contains(followUp.when()) && !chosen.contains(followUp.question())) {
        chosen.add(followUp.question());
      }
    }
    if (standing != null) {
      chosen.add(standing);
    }
    return chosen;
  }
}
