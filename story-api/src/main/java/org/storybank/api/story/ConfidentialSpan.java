package org.storybank.api.story;

/**
 * A character range [start, end) of one STAR field that only the author may read; everyone else
 * sees {@link Redaction#MARKER} in its place.
 */
public record ConfidentialSpan(String field, int start, int end) {}
