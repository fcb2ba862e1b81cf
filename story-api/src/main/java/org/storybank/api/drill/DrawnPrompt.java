package org.storybank.api.drill;

/**
 * The interview prompt a drill asks: its principle, the level it is asked at, and why it was drawn
 * ({@code gap}: no story meets the bar for it; {@code weak}: the principle's best story scores low;
 * {@code random}: neither, or the candidate asked for a principle) with the reason in words.
 */
public record DrawnPrompt(
    String principle, String prompt, String level, String reason, String why) {

  public static final String GAP = "gap";
  public static final String WEAK = "weak";
  public static final String RANDOM = "random";
}
