package org.storybank.gateway.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.storybank.gateway.identity.AccountAdministration;
import org.storybank.gateway.identity.AccountAdministration.AccountView;
import org.storybank.gateway.identity.AccountAdministration.CohortView;
import org.storybank.gateway.identity.AccountAdministration.ResetCode;
import org.storybank.gateway.token.SigningKeys;
import org.storybank.security.Caller;
import org.storybank.security.Role;

/** The organisation's accounts and the gateway's signing keys, for its admins only. */
@RestController
@RequestMapping("/api/admin")
class AdminController {

  private final AccountAdministration administration;
  private final SigningKeys signingKeys;

  AdminController(AccountAdministration administration, SigningKeys signingKeys) {
    this.administration = administration;
    this.signingKeys = signingKeys;
  }

  record Rotation(String keyId, List<String> publishedKeyIds) {}

  /**
   * A new signing key from now on; the previous one stays published so tokens it signed live out
   * their 15 minutes. The key before that is retired: rotate at most once per token lifetime.
   */
  @PostMapping("/signing-keys")
  ResponseEntity<Rotation> rotateSigningKey(Caller caller) {
    requireAdmin(caller);
    String keyId = signingKeys.rotate();
    List<String> published =
        signingKeys.publicKeys().getKeys().stream().map(key -> key.getKeyID()).toList();
    return ResponseEntity.status(HttpStatus.CREATED).body(new Rotation(keyId, published));
  }

  @GetMapping("/accounts")
  List<AccountView> accounts(Caller caller) {
    requireAdmin(caller);
    return administration.accounts();
  }

  /**
   * Every cohort, its coach and how many candidates it has: what the admin page lists. Read from
   * the gateway's copy of the cohort events, so a cohort created a moment ago may take a second.
   */
  @GetMapping("/cohorts")
  List<CohortView> cohorts(Caller caller) {
    requireAdmin(caller);
    return administration.cohorts();
  }

  /** No login and no refresh until unlocked; the account's refresh tokens are revoked at once. */
  @PostMapping("/accounts/{userId}/lock")
  ResponseEntity<Void> lock(Caller caller, @PathVariable String userId) {
    requireAdmin(caller);
    administration.lock(userId, caller.userId());
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/accounts/{userId}/lock")
  ResponseEntity<Void> unlock(Caller caller, @PathVariable String userId) {
    requireAdmin(caller);
    administration.unlock(userId);
    return ResponseEntity.noContent().build();
  }

  /** A single-use code the admin hands to the account's owner, redeemed at the reset endpoint. */
  @PostMapping("/accounts/{userId}/password-reset")
  ResponseEntity<ResetCode> passwordReset(Caller caller, @PathVariable String userId) {
    requireAdmin(caller);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(administration.issueReset(userId, caller.userId()));
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.is(Role.ADMIN)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only an admin manages accounts");
    }
  }
}
