package org.storybank.query.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.storybank.query.semantic.InferredPrinciple;

/** Says in words why a story answers a question, one reason per signal that found it. */
final class Why {

  private Why() {}

  static List<String> of(
      SearchResult.Match match,
      List<InferredPrinciple> principles,
      Map<String, List<String>> highlights) {
    List<String> reasons = new ArrayList<>();
    for (InferredPrinciple principle : principles) {
      reasons.add("tagged " + principle.principle() + ": " + principle.reason());
    }
    // every story has some similarity to the question; only one that counts as a match is a reason
    if (match.promptSimilarity() != null
        && QuestionRankings.closeByPrompts(match.promptSimilarity())) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "a prompt it is linked to asks much the same (similarity %.2f)",
              match.promptSimilarity()));
    }
    if (match.storySimilarity() != null && QuestionRankings.closeByStory(match.storySimilarity())) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "what it tells is close in meaning to the question (similarity %.2f)",
              match.storySimilarity()));
    }
    if (!highlights.isEmpty()) {
      reasons.add("the question's words appear in its " + String.join(", ", highlights.keySet()));
    }
    return reasons;
  }
}
