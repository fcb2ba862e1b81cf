package org.storybank.rubric.text;

/**
 * One word of a text: its lower-cased surface form, its stem, where it stands in the text, and the
 * sentence it belongs to.
 */
public record Token(String surface, String stem, int start, int end, int sentence) {}
