package org.storybank.api.story;

/** The size limits every writer of a story is held to; the command side enforces them. */
public final class StoryLimits {

  public static final int MAX_FIELD_CHARS = 8_000;
  public static final int MAX_TITLE_CHARS = 200;
  public static final int MAX_PRINCIPLES = 30;
  public static final int MAX_PROMPTS = 30;
  public static final int MAX_PROMPT_CHARS = 500;
  public static final int MAX_ANGLE_CHARS = 1_000;
  public static final int MAX_COMMENT_CHARS = 2_000;
  public static final int MAX_EVALUATION_NOTES_CHARS = 4_000;
  public static final int MAX_EVIDENCE_CHARS = 1_000;
  public static final int MAX_CONFIDENTIAL_SPANS = 50;

  private StoryLimits() {}
}
