package org.storybank.api.evaluation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

public enum Verdict {
  STRONG("strong"),
  MIXED("mixed"),
  WEAK("weak");

  private final String id;

  Verdict(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }

  public static Optional<Verdict> fromId(String id) {
    return Arrays.stream(values()).filter(verdict -> verdict.id.equals(id)).findFirst();
  }

  @JsonCreator
  static Verdict parse(String id) {
    return fromId(id)
        .orElseThrow(() -> new IllegalArgumentException("unknown verdict '" + id + "'"));
  }
}
