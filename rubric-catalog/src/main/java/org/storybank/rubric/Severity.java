package org.storybank.rubric;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a pitfall weighs: a major one alone keeps a story below the bar. */
public enum Severity {
  MAJOR,
  MINOR;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Severity fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
