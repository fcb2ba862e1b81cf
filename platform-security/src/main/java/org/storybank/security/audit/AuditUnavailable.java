package org.storybank.security.audit;

/** The trail could not be written, so a read that must be on it is not answered. */
public final class AuditUnavailable extends RuntimeException {

  AuditUnavailable(Throwable cause) {
    super("the audit trail cannot be written just now: try again shortly", cause);
  }
}
