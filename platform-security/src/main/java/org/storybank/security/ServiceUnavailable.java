package org.storybank.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one shape of a 503: problem+json with {@code Retry-After}, for a request that failed because
 * something it needs is down for a while, so that the same request later may succeed.
 */
public final class ServiceUnavailable {

  /** Seconds a client is asked to wait before trying again. */
  public static final String RETRY_AFTER_SECONDS = "5";

  private ServiceUnavailable() {}

  /** For an exception handler. */
  public static ResponseEntity<ProblemDetail> answer(String detail) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail));
  }

  /** For a filter or a resolver writing to the response itself. */
  public static void write(HttpServletResponse response, String detail) throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    ProblemResponses.write(
        response, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail));
  }
}
