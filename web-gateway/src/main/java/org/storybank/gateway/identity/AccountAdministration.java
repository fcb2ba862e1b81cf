package org.storybank.gateway.identity;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an admin does to accounts: lock one (no login, its refresh tokens revoked, its access tokens
 * refused by every service within seconds), unlock it, and hand its owner a single-use code to set
 * a new password.
 */
@Service
public class AccountAdministration {

  private final Accounts accounts;
  private final RefreshTokens refreshTokens;
  private final PasswordResets resets;
  private final PasswordEncoder passwords;
  private final PasswordPolicy passwordPolicy;
  private final Revocations revocations;

  AccountAdministration(
      Accounts accounts,
      RefreshTokens refreshTokens,
      PasswordResets resets,
      PasswordEncoder passwords,
      PasswordPolicy passwordPolicy,
      Revocations revocations) {
    this.accounts = accounts;
    this.refreshTokens = refreshTokens;
    this.resets = resets;
    this.passwords = passwords;
    this.passwordPolicy = passwordPolicy;
    this.revocations = revocations;
  }

  public record AccountView(
      String userId, String email, String name, String role, boolean locked) {}

  public record ResetCode(String code, String expiresAt) {}

  /** A cohort as the gateway knows it from the cohort events: its coach and its size. */
  public record CohortView(String id, String name, String coachId, int candidates) {}

  public List<CohortView> cohorts() {
    return accounts.cohorts().stream()
        .map(
            cohort ->
                new CohortView(
                    cohort.cohortId(), cohort.name(), cohort.coachId(), cohort.candidates()))
        .toList();
  }

  public List<AccountView> accounts() {
    return accounts.all().stream()
        .map(
            status ->
                new AccountView(
                    status.account().userId(),
                    status.account().email(),
                    status.account().name(),
                    status.account().role().id(),
                    status.locked()))
        .toList();
  }

  @Transactional
  public void lock(String userId, String adminId) {
    if (userId.equals(adminId)) {
      throw new RequestRejected(
          "userId", "an admin cannot lock their own account", HttpStatus.CONFLICT);
    }
    requireAccount(accounts.setLocked(userId, true));
    refreshTokens.revokeAllOf(userId);
    revocations.accountLocked(userId);
  }

  @Transactional
  public void unlock(String userId) {
    requireAccount(accounts.setLocked(userId, false));
  }

  public ResetCode issueReset(String userId, String adminId) {
    requireAccount(accounts.exists(userId));
    PasswordResets.ResetCode code = resets.issue(userId, adminId);
    return new ResetCode(code.code(), code.expiresAt().toString());
  }

  /** Sets the new password and ends every session of the account; the code works once. */
  @Transactional
  public void resetPassword(String code, String newPassword) {
    if (code == null || code.isBlank()) {
      throw new RequestRejected("code", "is required", HttpStatus.BAD_REQUEST);
    }
    passwordPolicy.check("newPassword", newPassword);
    String userId =
        resets
            .redeem(code.strip())
            .orElseThrow(
                () ->
                    new RequestRejected(
                        "code", "unknown, already used or expired", HttpStatus.BAD_REQUEST));
    accounts.setPasswordHash(userId, passwords.encode(newPassword));
    refreshTokens.revokeAllOf(userId);
    revocations.passwordReset(userId);
  }

  private static void requireAccount(boolean exists) {
    if (!exists) {
      throw new RequestRejected("userId", "no such account", HttpStatus.NOT_FOUND);
    }
  }
}
