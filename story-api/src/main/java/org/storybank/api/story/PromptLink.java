package org.storybank.api.story;

/** An interview prompt a story answers, with the angle: how this story answers that prompt. */
public record PromptLink(String promptId, String text, String angle) {

  public PromptLink {
    angle = angle == null ? "" : angle;
  }
}
