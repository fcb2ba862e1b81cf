package org.storybank.rubric;

import java.util.List;
import java.util.Map;

/** One principle of the rubric: what it means, how it is scored, asked and probed. */
public record Principle(
    String id,
    String name,
    String summary,
    String description,
    List<String> lookFor,
    List<Criterion> criteria,
    List<String> prompts,
    List<PrinciplePitfall> pitfalls,
    List<FollowUp> followUps,
    Map<String, String> levels,
    List<String> keywords) {

  public Principle {
    lookFor = List.copyOf(lookFor);
    criteria = List.copyOf(criteria);
    prompts = List.copyOf(prompts);
    pitfalls = List.copyOf(pitfalls);
    followUps = List.copyOf(followUps);
    levels = Map.copyOf(levels);
    keywords = List.copyOf(keywords);
  }

  public PrinciplePitfall pitfall(String pitfallId) {
    return pitfalls.stream()
        .filter(pitfall -> pitfall.id().equals(pitfallId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no pitfall '" + pitfallId + "'"));
  }
}
