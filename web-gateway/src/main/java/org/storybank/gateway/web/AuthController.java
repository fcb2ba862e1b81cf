package org.storybank.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.gateway.identity.Login;
import org.storybank.gateway.identity.Registration;
import org.storybank.gateway.identity.RegistrationRejected;

@RestController
@RequestMapping("/api/auth")
class AuthController {

  private final Login login;
  private final Registration registration;

  AuthController(Login login, Registration registration) {
    this.login = login;
    this.registration = registration;
  }

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

  @ExceptionHandler(RegistrationRejected.class)
  ResponseEntity<ProblemDetail> rejected(RegistrationRejected rejected) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(rejected.status(), rejected.getMessage());
    problem.setProperty("field", rejected.field());
    return ResponseEntity.status(rejected.status()).body(problem);
  }

  @PostMapping("/login")
  ResponseEntity<?> login(@RequestBody LoginRequest request) {
    if (request.email() == null || request.password() == null) {
      return ResponseEntity.badRequest()
          .body(
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.BAD_REQUEST, "email and password are required"));
    }
    return login
        .login(request.email(), request.password())
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(
                        ProblemDetail.forStatusAndDetail(
                            HttpStatus.UNAUTHORIZED, "wrong email or password")));
  }
}
