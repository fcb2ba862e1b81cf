package org.storybank.messaging;

/**
 * A record that can never be read as an event: empty, of an unknown type, broken JSON, an
 * incomplete envelope, or an event that does not name the aggregate its envelope names. Retrying
 * cannot help; the consumer's error handler sends it to the dead-letter topic at once.
 */
public class UnreadableRecord extends RuntimeException {

  public UnreadableRecord(String reason) {
    super(reason);
  }

  public UnreadableRecord(String reason, Throwable cause) {
    super(reason, cause);
  }
}
