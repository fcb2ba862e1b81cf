package org.storybank.rubric;

/** A pitfall as coaches name it: what it is, what to do instead, and how much it weighs. */
public record PitfallDefinition(
    String id, String name, String description, String advice, Severity severity) {}
