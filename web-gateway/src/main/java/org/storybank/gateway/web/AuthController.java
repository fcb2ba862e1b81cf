package org.storybank.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.gateway.identity.AccountAdministration;
import org.storybank.gateway.identity.Login;
import org.storybank.gateway.identity.LoginThrottle;
import org.storybank.gateway.identity.Registration;
import org.storybank.gateway.identity.Sessions;

@RestController
@RequestMapping("/api/auth")
class AuthController {

  private final Login login;
  private final Registration registration;
  private final LoginThrottle throttle;
  private final Sessions sessions;
  private final AccountAdministration administration;

  AuthController(
      Login login,
      Registration registration,
      LoginThrottle throttle,
      Sessions sessions,
      AccountAdministration administration) {
    this.login = login;
    this.registration = registration;
    this.throttle = throttle;
    this.sessions = sessions;
    this.administration = administration;
  }

  record RefreshRequest(String refreshToken) {}

  record PasswordResetRequest(String code, String newPassword) {}

  record LoginRequest(String email, String password) {}

  record RegisterRequest(String invitationCode, String email, String password, String name) {}

  @PostMapping("/register")
  ResponseEntity<?> register(@RequestBody RegisterRequest request) {
    Registration.Registered registered =
        registration.register(
            request.invitationCode(), request.email(), request.password(), request.name());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(java.util.Map.of("userId", registered.userId(), "cohortId", registered.cohortId()));
  }

  @PostMapping("/login")
  ResponseEntity<?> login(@RequestBody LoginRequest request, HttpServletRequest http) {
    if (request.email() == null || request.password() == null) {
      return ResponseEntity.badRequest()
          .body(
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.BAD_REQUEST, "email and password are required"));
    }
    String address = http.getRemoteAddr();
    var refusal = throttle.refusal(request.email(), address);
    if (refusal.isPresent()) {
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, Long.toString(refusal.get().toSeconds()))
          .body(
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.TOO_MANY_REQUESTS,
                  "too many failed logins; try again in "
                      + refusal.get().toSeconds()
                      + " seconds"));
    }
    var token = login.login(request.email(), request.password());
    if (token.isEmpty()) {
      throttle.failed(request.email(), address);
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .body(
              ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "wrong email or password"));
    }
    throttle.succeeded(request.email(), address);
    return ResponseEntity.ok(token.get());
  }

  /** A new access token and a new refresh token; the refresh token sent is used up. */
  @PostMapping("/refresh")
  ResponseEntity<?> refresh(@RequestBody RefreshRequest request) {
    return sessions
        .refresh(request.refreshToken())
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(
                        ProblemDetail.forStatusAndDetail(
                            HttpStatus.UNAUTHORIZED,
                            "refresh token unknown, expired, revoked or already used; log in again")));
  }

  /** Redeems a code an admin issued: a new password, and every session of the account ends. */
  @PostMapping("/password-reset")
  ResponseEntity<Void> resetPassword(@RequestBody PasswordResetRequest request) {
    administration.resetPassword(request.code(), request.newPassword());
    return ResponseEntity.noContent().build();
  }

  /** Ends the session the refresh token belongs to; access tokens already out expire on time. */
  @PostMapping("/logout")
  ResponseEntity<Void> logout(@RequestBody RefreshRequest request) {
    sessions.end(request.refreshToken());
    return ResponseEntity.noContent().build();
  }
}
