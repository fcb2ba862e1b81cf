package org.storybank.query.coverage;

import java.util.List;

/** How well a candidate's bank covers the catalog: per principle and prompt, with the gaps. */
record Coverage(
    String candidateId,
    int stories,
    List<PrincipleCoverage> principles,
    List<Gap> gaps,
    List<StretchedStory> stretched) {

  /**
   * strong ≥ 70 (meets the bar), adequate 50–69 (partial), weak below 50, unjudged when no
   * evaluation arrived yet, none when no story answers for the principle.
   */
  enum Strength {
    STRONG,
    ADEQUATE,
    WEAK,
    UNJUDGED,
    NONE;

    @com.fasterxml.jackson.annotation.JsonValue
    String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  record StoryRef(String storyId, String title, Integer score, Strength strength) {}

  /**
   * A principle, as strong as the strongest story its prompts took ({@code bestStory}), so a strong
   * principle always has a prompt covered by a strong story.
   */
  record PrincipleCoverage(
      String principle,
      String name,
      Strength strength,
      StoryRef bestStory,
      int taggedStories,
      List<PromptCoverage> prompts) {}

  /**
   * A catalog prompt and the strongest story that fits it (fit 0–1, at least the minimum); when no
   * story does, the best-fitting one with {@code covered} false.
   */
  record PromptCoverage(String prompt, StoryRef bestStory, Double fit, boolean covered) {}

  record Gap(String principle, String reason) {}

  record StretchedStory(String storyId, String title, int principles, int prompts, String reason) {}
}
