package org.storybank.api.story;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The four parts of a STAR story, in the order they are told. Requests, confidential spans, diffs
 * and highlights name a part by its id ({@code "situation"}…).
 */
public enum StarField {
  SITUATION("situation", "Situation", StarText::situation),
  TASK("task", "Task", StarText::task),
  ACTION("action", "Action", StarText::action),
  RESULT("result", "Result", StarText::result);

  private final String id;
  private final String label;
  private final Function<StarText, String> text;

  StarField(String id, String label, Function<StarText, String> text) {
    this.id = id;
    this.label = label;
    this.text = text;
  }

  public String id() {
    return id;
  }

  /** How a heading names the part. */
  public String label() {
    return label;
  }

  /** This part of {@code star}. */
  public String of(StarText star) {
    return text.apply(star);
  }

  public static Optional<StarField> fromId(String id) {
    return Arrays.stream(values()).filter(field -> field.id.equals(id)).findFirst();
  }
}
