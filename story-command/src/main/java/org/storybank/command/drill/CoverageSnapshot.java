package org.storybank.command.drill;

import java.util.List;
import java.util.Map;

/**
 * What story-query's coverage of a candidate says, as far as a draw needs it: each catalog
 * principle with its strength, its best story's score and its prompts (covered or not), and the
 * principles it names as gaps with the reason.
 */
record CoverageSnapshot(List<PrincipleState> principles, Map<String, String> gaps) {

  CoverageSnapshot {
    principles = List.copyOf(principles);
    gaps = Map.copyOf(gaps);
  }

  record PrincipleState(
      String principle,
      String name,
      String strength,
      Integer bestScore,
      List<PromptState> prompts) {

    PrincipleState {
      prompts = List.copyOf(prompts);
    }
  }

  record PromptState(String prompt, boolean covered) {}
}
