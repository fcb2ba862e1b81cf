package org.storybank.rubric;

/**
 * What a level expects: the scope a story should reach, the lowest score that meets the bar, and
 * how many minor pitfalls a story may still show there.
 */
public record LevelDefinition(
    String id, String scope, String summary, int bar, int minorPitfallsAllowed) {}
