package org.storybank.evaluation.analysis;

/** A story to evaluate, as `./storybank evaluate` reads it. STAR fields may be empty. */
public record StoryInput(
    String id,
    String principle,
    String level,
    String prompt,
    String situation,
    String task,
    String action,
    String result) {}
