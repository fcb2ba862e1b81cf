package org.storybank.query.projection;

/**
 * Sentence embeddings of a story: of its content and of the prompts it is linked to (null when it
 * has none). {@code source} is a hash of the text they were computed from, so an unchanged story
 * keeps its vectors instead of paying for the model again.
 */
public record StoryVectors(float[] story, float[] prompts, String source) {}
