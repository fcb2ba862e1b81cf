package org.storybank.query.semantic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.storybank.query.projection.StoryDocument;
import org.storybank.query.projection.StoryVectors;

/**
 * Gives a story its vectors: one for what it tells (title, task, action, result) and one for the
 * prompts it is linked to. Recomputed only when that text changed.
 */
public class StoryEmbedder {

  private final SentenceEmbeddings embeddings;

  public StoryEmbedder(SentenceEmbeddings embeddings) {
    this.embeddings = embeddings;
  }

  public StoryDocument embed(StoryDocument story) {
    String content = contentText(story);
    String prompts = promptText(story);
    String source = sourceOf(story);
    if (story.vectors() != null && source.equals(story.vectors().source())) {
      return story;
    }
    return story.withVectors(
        new StoryVectors(
            embeddings.embed(content),
            prompts.isBlank() ? null : embeddings.embed(prompts),
            source));
  }

  /** What a story's vectors were computed from, as a hash: equal hashes, equal vectors. */
  public static String sourceOf(StoryDocument story) {
    return hash(contentText(story) + "\u0000" + promptText(story));
  }

  public static String contentText(StoryDocument story) {
    return joined(story.title(), story.task(), story.action(), story.result());
  }

  public static String promptText(StoryDocument story) {
    return story.prompts().stream()
        .flatMap(prompt -> Stream.of(prompt.text(), prompt.angle()))
        .filter(text -> text != null && !text.isBlank())
        .collect(Collectors.joining(". "));
  }

  private static String joined(String... parts) {
    return Stream.of(parts)
        .filter(Objects::nonNull)
        .filter(part -> !part.isBlank())
        .collect(Collectors.joining(". "));
  }

  private static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
