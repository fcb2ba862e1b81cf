package org.storybank.command.story;

/** The story does not exist, or the actor may not know that it does: both answer the same. */
public class StoryNotFound extends RuntimeException {

  public StoryNotFound(String storyId) {
    super("no story " + storyId);
  }
}
