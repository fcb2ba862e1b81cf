package org.storybank.command.loop;

/** The actor may read the loop (its candidate's coach) but not change it: 403. */
public class LoopActionForbidden extends RuntimeException {

  public LoopActionForbidden(String message) {
    super(message);
  }
}
