package org.storybank.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.storybank.gateway.identity.Login;

@RestController
@RequestMapping("/api/auth")
class AuthController {

  private final Login login;

  AuthController(Login login) {
    this.login = login;
  }

  record LoginRequest(String email, String password) {}

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
