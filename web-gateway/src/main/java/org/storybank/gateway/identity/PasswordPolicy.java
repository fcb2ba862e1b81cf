package org.storybank.gateway.identity;

import java.nio.charset.StandardCharsets;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.scoring.Result;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What a password must be, wherever one is set (registration, reset): at least 12 characters, at
 * most 72 bytes in UTF-8 (bcrypt reads no further, so a longer one would be cut silently), and hard
 * to guess (ASVS 2.1.7): nbvcxz's estimate, which knows the common and breached-list passwords,
 * words and names with substitutions, keyboard walks, repetitions and sequences, must reach the
 * configured entropy.
 */
@Component
public class PasswordPolicy {

  static final int MIN_LENGTH = 12;
  static final int MAX_BYTES = 72;

  private final Nbvcxz estimator;

  PasswordPolicy(@Value("${storybank.passwords.minimum-entropy:35}") double minimumEntropy) {
    this.estimator =
        new Nbvcxz(
            new ConfigurationBuilder().setMinimumEntropy(minimumEntropy).createConfiguration());
  }

  /** Refuses, naming {@code field}, a password outside the policy. */
  void check(String field, String password) {
    checkLength(field, password);
    Result estimate = estimator.estimate(password);
    if (!estimate.isMinimumEntropyMet()) {
      throw new RequestRejected(
          field,
          "too easy to guess (a common or leaked password, a word with small changes, a"
              + " repetition or a sequence); a few unrelated words make a strong one",
          HttpStatus.BAD_REQUEST);
    }
  }

  /** The limits bcrypt sets, for passwords that are not judged for strength (configuration). */
  static void checkLength(String field, String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      throw new RequestRejected(
          field, "at least " + MIN_LENGTH + " characters", HttpStatus.BAD_REQUEST);
    }
    if (!fitsTheHash(password)) {
      throw new RequestRejected(
          field,
          "at most "
              + MAX_BYTES
              + " bytes in UTF-8 (bcrypt's limit): 72 plain letters, fewer accented ones or emoji",
          HttpStatus.BAD_REQUEST);
    }
  }

  static boolean fitsTheHash(String password) {
    return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
  }
}
