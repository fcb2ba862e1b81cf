package org.storybank.query.coverage;

import java.util.List;

/** How well a candidate's bank covers the catalog: per principle and prompt, with the gaps. */
record Coverage(
    String candidateId,
    int stories,
    List<PrincipleCoverage> principles,
    List<Gap> gaps,
    List<StretchedStory> stretched) {

  /** strong ≥ 70, adequate 50–69, weak below 50, unjudged when no evaluation arrived yet. */
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

  record PrincipleCoverage(
      String principle,
      String name,
      Strength strength,
      StoryRef bestStory,
      int taggedStories,
      List<PromptCoverage> prompts) {}

  record PromptCoverage(String prompt, StoryRef bestStory, Double fit, boolean covered) {}

  record Gap(String principle, String reason) {}

  record StretchedStory(String storyId, String title, int principles, int prompts, String reason) {}
}
