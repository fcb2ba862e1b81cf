package org.storybank.security;

/** A token that passed signature checks but does not describe a caller we know how to serve. */
public class InvalidCallerException extends RuntimeException {

  public InvalidCallerException(String message) {
    super(message);
  }
}
