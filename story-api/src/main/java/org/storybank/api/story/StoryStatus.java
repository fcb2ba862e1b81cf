package org.storybank.api.story;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a story stands in its author's bank: a draft, ready to tell, or archived. Read models and
 * exports carry it as its id ({@code "draft"}, {@code "ready"}, {@code "archived"}).
 */
public enum StoryStatus {
  DRAFT("draft"),
  READY("ready"),
  ARCHIVED("archived");

  private final String id;

  StoryStatus(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }

  /** Whether {@code id} names this status. */
  public boolean is(String id) {
    return this.id.equals(id);
  }

  /** A story that is not archived is ready once it was marked so, else a draft. */
  public static StoryStatus of(boolean archived, boolean ready) {
    return archived ? ARCHIVED : ready ? READY : DRAFT;
  }

  public static Optional<StoryStatus> fromId(String id) {
    return Arrays.stream(values()).filter(status -> status.id.equals(id)).findFirst();
  }

  /** The ids, as a rule's text names them: "draft, ready, archived". */
  public static String ids() {
    return Arrays.stream(values()).map(StoryStatus::id).collect(Collectors.joining(", "));
  }

  @JsonCreator
  static StoryStatus parse(String id) {
    return fromId(id)
        .orElseThrow(() -> new IllegalArgumentException("unknown story status '" + id + "'"));
  }
}
