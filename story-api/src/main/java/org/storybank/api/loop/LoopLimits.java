package org.storybank.api.loop;

/** The size limits of a loop; the command side enforces them. */
public final class LoopLimits {

  public static final int MAX_COMPANY_CHARS = 120;
  public static final int MAX_ROLE_CHARS = 120;
  public static final int MIN_INTERVIEWS = 1;
  public static final int MAX_INTERVIEWS = 12;
  public static final int MAX_INTERVIEW_NAME_CHARS = 120;
  public static final int MAX_PRINCIPLES_PER_INTERVIEW = 16;
  public static final int MAX_QUESTIONS_PER_INTERVIEW = 10;
  public static final int MAX_QUESTION_CHARS = 500;
  public static final int MAX_USES = 200;

  private LoopLimits() {}
}
