package org.storybank.command.story;

/** The actor may see the story but not do this to it (a coach revising a candidate's text, say). */
public class StoryActionForbidden extends RuntimeException {

  public StoryActionForbidden(String reason) {
    super(reason);
  }
}
