package org.storybank.command.cohort;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Invitation codes: the cohort id and 24 random bytes, shown to the coach once. The event store
 * keeps only the SHA-256 of a code, so a leaked event stream enrolls nobody.
 */
final class InvitationCodes {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char SEPARATOR = '.';

  private InvitationCodes() {}

  static String newCode(String cohortId) {
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    return cohortId + SEPARATOR + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  static Optional<String> cohortOf(String code) {
    if (code == null) {
      return Optional.empty();
    }
    int separator = code.lastIndexOf(SEPARATOR);
    return separator > 0 ? Optional.of(code.substring(0, separator)) : Optional.empty();
  }

  static String hash(String code) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
