package org.storybank.command.drill;

/** The drill does not exist, or the actor may not know that it does: both answer 404. */
public class DrillNotFound extends RuntimeException {

  public DrillNotFound(String drillId) {
    super("no drill " + drillId);
  }
}
