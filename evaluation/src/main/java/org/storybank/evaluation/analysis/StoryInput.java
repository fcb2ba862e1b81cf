package org.storybank.evaluation.analysis;

import java.util.List;

/**
 * A story to evaluate, as `./storybank evaluate` reads it. STAR fields may be empty. {@code
 * principle} is the primary one, whose bar the story must meet; {@code alsoPrinciples} are the
 * others it is tagged with, whose criteria and red flags are judged too.
 */
public record StoryInput(
    String id,
    String principle,
    List<String> alsoPrinciples,
    String level,
    String prompt,
    String situation,
    String task,
    String action,
    String result) {

  public StoryInput {
    alsoPrinciples =
        alsoPrinciples == null
            ? List.of()
            : alsoPrinciples.stream().filter(p -> !p.equals(principle)).distinct().toList();
  }

  /** A story judged against one principle only. */
  public StoryInput(
      String id,
      String principle,
      String level,
      String prompt,
      String situation,
      String task,
      String action,
      String result) {
    this(id, principle, List.of(), level, prompt, situation, task, action, result);
  }
}
