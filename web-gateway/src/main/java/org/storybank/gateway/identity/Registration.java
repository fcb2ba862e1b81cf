package org.storybank.gateway.identity;

import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.storybank.gateway.token.TokenIssuer;
import org.storybank.security.Role;

/**
 * A candidate joins with the invitation code their coach gave them: the account is created, the
 * code is accepted on the command side in the candidate's name, and the candidate is in the cohort.
 * If the code is refused, the account is removed again: nothing half-made stays behind.
 */
@Service
public class Registration {

  private final Accounts accounts;
  private final PasswordEncoder passwords;
  private final TokenIssuer tokens;
  private final Enrollments enrollments;
  private final PasswordPolicy passwordPolicy;

  Registration(
      Accounts accounts,
      PasswordEncoder passwords,
      TokenIssuer tokens,
      Enrollments enrollments,
      PasswordPolicy passwordPolicy) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.tokens = tokens;
    this.enrollments = enrollments;
    this.passwordPolicy = passwordPolicy;
  }

  public record Registered(String userId, String cohortId) {}

  /**
   * Every refusal that depends on who has an account reads exactly like a refused code (400, field
   * {@code invitationCode}): an email that has an account, a code unknown, used or expired. So
   * registration never tells anyone which emails have accounts; the owner of a taken email signs in
   * or asks the admin for a password reset. The password is hashed before the email is looked at.
   */
  public Registered register(String code, String email, String password, String name) {
    requireText("invitationCode", code, 300);
    requireEmail(email);
    requireText("name", name, 200);
    passwordPolicy.check("password", password);
    String passwordHash = passwords.encode(password);
    Account account =
        new Account(
            UUID.randomUUID().toString(), Accounts.normalise(email), name.strip(), Role.CANDIDATE);
    if (!accounts.create(account, passwordHash)) {
      throw Enrollments.codeRefused();
    }
    String cohortId;
    try {
      String token =
          tokens
              .issue(
                  new TokenIssuer.Subject(
                      account.userId(), Role.CANDIDATE, account.name(), account.email(), List.of()))
              .accessToken();
      cohortId = enrollments.enroll(code.strip(), token);
    } catch (RuntimeException refused) {
      accounts.delete(account.userId());
      throw refused;
    }
    accounts.ensureCohort(cohortId);
    accounts.addMember(cohortId, account.userId(), "candidate");
    return new Registered(account.userId(), cohortId);
  }

  private static void requireEmail(String email) {
    requireText("email", email, 320);
    String trimmed = email.strip();
    int at = trimmed.indexOf('@');
    if (at < 1
        || at != trimmed.lastIndexOf('@')
        || at == trimmed.length() - 1
        || trimmed.contains(" ")) {
      throw new RequestRejected("email", "is not an email address", HttpStatus.BAD_REQUEST);
    }
  }

  private static void requireText(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new RequestRejected(field, "is required", HttpStatus.BAD_REQUEST);
    }
    if (Accounts.hasControlCharacters(value)) {
      throw new RequestRejected(
          field,
          "must not contain control characters (NUL, line breaks, tabs)",
          HttpStatus.BAD_REQUEST);
    }
    if (value.length() > max) {
      throw new RequestRejected(field, "at most " + max + " characters", HttpStatus.BAD_REQUEST);
    }
  }
}
