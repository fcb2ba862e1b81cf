package org.storybank.evaluation.analysis;

import java.util.ArrayList;
import java.util.List;
import org.storybank.evaluation.analysis.Evaluation.PitfallFinding;
import org.storybank.rubric.PrinciplePitfall;

/** Pitfalls of one principle only, recognised by the red-flag phrases the catalog lists. */
final class PrincipleSpecificPitfalls {

  List<PitfallFinding> detect(StoryReading story) {
    return detect(story, story.principle());
  }

  /** The red flags of one principle the story is tagged with (the primary one or another). */
  List<PitfallFinding> detect(StoryReading story, org.storybank.rubric.Principle principle) {
    List<PitfallFinding> findings = new ArrayList<>();
    for (PrinciplePitfall pitfall : principle.pitfalls()) {
      if (pitfall.isFixed() || pitfall.phrases().isEmpty()) {
        continue;
      }
      List<Hit> hits =
          story.hits(Lexicon.pitfallCategory(principle.id(), pitfall.id()), Field.STAR);
      if (!hits.isEmpty()) {
        findings.add(new PitfallFinding(pitfall.id(), story.quotes(hits, 2), pitfall.advice()));
      }
    }
    return findings;
  }
}
