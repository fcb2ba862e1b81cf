package org.storybank.query.projection;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * Sentence embeddings of a story: of its content and of the prompts it is linked to (null when it
 * has none). {@code source} is a hash of the text they were computed from, so an unchanged story
 * keeps its vectors instead of paying for the model again. The vectors travel as base64 (see {@link
 * VectorEncoding}): a quarter of the bytes of a JSON float array, and no number parsing.
 */
public record StoryVectors(
    @JsonSerialize(using = VectorEncoding.Writer.class)
        @JsonDeserialize(using = VectorEncoding.Reader.class)
        float[] story,
    @JsonSerialize(using = VectorEncoding.Writer.class)
        @JsonDeserialize(using = VectorEncoding.Reader.class)
        float[] prompts,
    String source) {}
