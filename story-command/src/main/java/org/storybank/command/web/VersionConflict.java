package org.storybank.command.web;

/**
 * Someone else changed the story since the writer read it; they reread and apply their edit again.
 */
class VersionConflict extends RuntimeException {

  private final long currentVersion;

  VersionConflict(long currentVersion) {
    super(
        "the story changed since you read it; reread it and apply your edit to version "
            + currentVersion);
    this.currentVersion = currentVersion;
  }

  long currentVersion() {
    return currentVersion;
  }
}
