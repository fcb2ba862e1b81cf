package org.storybank.command.drill;

/** The actor may read the drill (its candidate's coach) but not act in it: 403. */
public class DrillActionForbidden extends RuntimeException {

  public DrillActionForbidden(String message) {
    super(message);
  }
}
