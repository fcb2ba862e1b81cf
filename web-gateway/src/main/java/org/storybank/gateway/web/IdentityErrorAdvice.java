package org.storybank.gateway.web;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.storybank.gateway.identity.RequestRejected;

/** A refused account request answers its status with the field it is about; nothing was kept. */
@RestControllerAdvice
class IdentityErrorAdvice {

  @ExceptionHandler(RequestRejected.class)
  ResponseEntity<ProblemDetail> rejected(RequestRejected rejected) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(rejected.status(), rejected.getMessage());
    problem.setProperty("field", rejected.field());
    return ResponseEntity.status(rejected.status()).body(problem);
  }
}
