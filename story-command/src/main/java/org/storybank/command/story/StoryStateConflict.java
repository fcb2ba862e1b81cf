package org.storybank.command.story;

/** The command is well formed but the story is not in a state that allows it (archived, say). */
public class StoryStateConflict extends RuntimeException {

  public StoryStateConflict(String reason) {
    super(reason);
  }
}
