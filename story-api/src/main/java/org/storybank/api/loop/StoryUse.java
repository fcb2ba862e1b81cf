package org.storybank.api.loop;

/**
 * One story told in one interview of a loop, for a principle of that interview or a question (both
 * optional).
 */
public record StoryUse(String interview, String principle, String storyId) {}
