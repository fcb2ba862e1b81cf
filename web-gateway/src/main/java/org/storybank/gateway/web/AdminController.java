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
import org.storybank.gateway.identity.AccountAdministration.ResetCode;
import org.storybank.security.Caller;
import org.storybank.security.Role;

/** The organisation's accounts, for its admins only. */
@RestController
@RequestMapping("/api/admin/accounts")
class AdminController {

  private final AccountAdministration administration;

  AdminController(AccountAdministration administration) {
    this.administration = administration;
  }

  @GetMapping
  List<AccountView> accounts(Caller caller) {
    requireAdmin(caller);
    return administration.accounts();
  }

  /** No login and no refresh until unlocked; the account's refresh tokens are revoked at once. */
  @PostMapping("/{userId}/lock")
  ResponseEntity<Void> lock(Caller caller, @PathVariable String userId) {
    requireAdmin(caller);
    administration.lock(userId, caller.userId());
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/{userId}/lock")
  ResponseEntity<Void> unlock(Caller caller, @PathVariable String userId) {
    requireAdmin(caller);
    administration.unlock(userId);
    return ResponseEntity.noContent().build();
  }

  /** A single-use code the admin hands to the account's owner, redeemed at the reset endpoint. */
  @PostMapping("/{userId}/password-reset")
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
