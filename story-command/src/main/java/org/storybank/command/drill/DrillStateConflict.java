package org.storybank.command.drill;

/** The command is well formed but the drill is not at a step that allows it: 409. */
public class DrillStateConflict extends RuntimeException {

  public DrillStateConflict(String reason) {
    super(reason);
  }
}
