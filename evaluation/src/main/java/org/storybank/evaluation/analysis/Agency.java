package org.storybank.evaluation.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.storybank.rubric.text.AnalysedText;
import org.storybank.rubric.text.Sentence;

/**
 * Whose actions the action part tells: first-person mentions ("I", and sentences that start with a
 * verb, "Wrote a proposal…") against collective ones ("we", "the team").
 */
record Agency(int firstPerson, int collective, List<Hit> collectiveHits) {

  static Agency read(StoryReading story) {
    List<Hit> ours = story.hits(Lexicon.COLLECTIVE_SUBJECT, Field.ACTION);
    // the "I" of "my team and I" is the team's
    List<Hit> mine =
        story.hits(Lexicon.FIRST_PERSON, Field.ACTION).stream()
            .filter(hit -> ours.stream().noneMatch(our -> overlaps(our, hit)))
            .toList();
    Set<Integer> sentencesWithSubject = new HashSet<>();
    mine.forEach(hit -> sentencesWithSubject.add(hit.match().sentence()));
    ours.forEach(hit -> sentencesWithSubject.add(hit.match().sentence()));
    int implicit = 0;
    AnalysedText action = story.text(Field.ACTION);
    Set<Integer> verbStarts = new HashSet<>();
    for (Hit hit : story.hits(Lexicon.CONCRETE_ACTION, Field.ACTION)) {
      verbStarts.add(hit.match().firstToken());
    }
    for (Sentence sentence : action.sentences()) {
      if (sentence.tokenCount() == 0 || sentencesWithSubject.contains(sentence.index())) {
        continue;
      }
      String first = action.tokens().get(sentence.firstToken()).surface();
      if (verbStarts.contains(sentence.firstToken()) || first.endsWith("ed")) {
        implicit++;
      }
    }
    return new Agency(mine.size() + implicit, ours.size(), new ArrayList<>(ours));
  }

  private static boolean overlaps(Hit a, Hit b) {
    return a.match().firstToken() < b.match().endToken()
        && b.match().firstToken() < a.match().endToken();
  }

  /** Share of first-person mentions; one half when the action names no actor at all. */
  double share() {
    int total = firstPerson + collective;
    return total == 0 ? 0.5 : (double) firstPerson / total;
  }
}
