package org.storybank.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The seniority a story is written for; interviewers expect wider scope at higher levels. */
public enum Level {
  ENTRY("entry"),
  MID("mid"),
  SENIOR("senior"),
  STAFF("staff");

  private final String id;

  Level(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }

  public static Optional<Level> fromId(String id) {
    return Arrays.stream(values()).filter(level -> level.id.equals(id)).findFirst();
  }

  @JsonCreator
  static Level parse(String id) {
    return fromId(id).orElseThrow(() -> new IllegalArgumentException("unknown level '" + id + "'"));
  }
}
