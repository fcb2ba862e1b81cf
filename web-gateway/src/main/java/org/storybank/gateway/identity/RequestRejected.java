package org.storybank.gateway.identity;

import org.springframework.http.HttpStatus;

/** A request about an account that cannot go through, naming the field; nothing of it was kept. */
public class RequestRejected extends RuntimeException {

  private final String field;
  private final HttpStatus status;

  RequestRejected(String field, String rule, HttpStatus status) {
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
