package org.storybank.evaluation.labelled;

import java.util.List;
import org.storybank.evaluation.analysis.StoryInput;

/** A story of the labelled set with the verdict a coach gave it. */
public record LabelledStory(
    String id,
    String principle,
    String level,
    String prompt,
    String situation,
    String task,
    String action,
    String result,
    Expected expected) {

  public record Expected(boolean meetsBar, List<String> pitfalls) {}

  public StoryInput input() {
    return new StoryInput(id, principle, level, prompt, situation, task, action, result);
  }
}
