package org.storybank.gateway.identity;

import org.springframework.http.HttpStatus;

/** A registration that cannot go through; nothing of it was kept. */
public class RegistrationRejected extends RuntimeException {

  private final String field;
  private final HttpStatus status;

  RegistrationRejected(String field, String rule, HttpStatus status) {
    super(field + ": " + rule);
    this.field = field;
    this.status = status;
  }

  public String field() {
    return field;
  }

  public HttpStatus status() {
    return status;
  }
}
