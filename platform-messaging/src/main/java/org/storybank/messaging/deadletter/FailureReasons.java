package org.storybank.messaging.deadletter;

import org.storybank.messaging.UnreadableRecord;

/** Finds, in the chain of causes the listener container wraps a failure in, what went wrong. */
final class FailureReasons {

  private FailureReasons() {}

  static boolean isUnreadable(Throwable failure) {
    return unreadable(failure) != null;
  }

  /** The unreadable record's reason, else the innermost cause's type and message. */
  static String reason(Throwable failure) {
    UnreadableRecord unreadable = unreadable(failure);
    if (unreadable != null) {
      return "unreadable: " + unreadable.getMessage();
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return "not applied: " + root.getClass().getName() + ": " + root.getMessage();
  }

  private static UnreadableRecord unreadable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnreadableRecord found) {
        return found;
      }
      if (cause.getCause() == cause) {
        return null;
      }
    }
    return null;
  }
}
