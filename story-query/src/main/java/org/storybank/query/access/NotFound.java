package org.storybank.query.access;

/** An id that does not exist or that the caller may not know about: both answer 404. */
public class NotFound extends RuntimeException {
  public NotFound(String message) {
    super(message);
  }
}
