package org.storybank.command.web;

/** The story version a writer saw, from the If-Match header: {@code 3} or {@code "3"}. */
final class IfMatch {

  private IfMatch() {}

  static long parse(String header) {
    if (header == null || header.isBlank()) {
      throw new MissingVersionException();
    }
    String value = header.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    try {
      long version = Long.parseLong(value);
      if (version < 0) {
        throw new NumberFormatException();
      }
      return version;
    } catch (NumberFormatException e) {
      throw new org.storybank.command.story.StoryRuleViolation(
          "If-Match", "must be the story version you last read, e.g. If-Match: 3");
    }
  }

  /** Without the version they saw, a writer could overwrite an edit they never read. */
  static class MissingVersionException extends RuntimeException {
    MissingVersionException() {
      super("send If-Match with the version of the story you last read");
    }
  }
}
