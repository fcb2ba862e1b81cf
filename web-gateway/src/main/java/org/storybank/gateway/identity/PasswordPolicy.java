package org.storybank.gateway.identity;

import org.springframework.http.HttpStatus;

/** What a password must be, wherever one is set: registration, reset, the first admin. */
final class PasswordPolicy {

  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  /** Refuses, naming {@code field}, a password outside the policy. */
  static void check(String field, String password) {
    if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
      throw new RequestRejected(
          field,
          "between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters",
          HttpStatus.BAD_REQUEST);
    }
  }
}
