package org.storybank.command.loop;

/** The loop does not exist, or the actor may not know that it does: both answer 404. */
public class LoopNotFound extends RuntimeException {

  public LoopNotFound(String loopId) {
    super("no loop " + loopId);
  }
}
