package org.storybank.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container's error path answers (a refusal from a filter, an exception no handler
 * took, a status set with {@code sendError}): problem+json with the status and its reason, never
 * Spring's {@code {timestamp,status,error,path}} nor an exception's message; a database that cannot
 * be reached answers 503 with {@code Retry-After}, as it does behind Spring MVC. The path is open
 * to every caller (a 500 is never turned into an empty 401); called directly it answers 404.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

  private final ObjectMapper json;

  ProblemErrorController(ObjectMapper json) {
    this.json = json;
  }

  @RequestMapping("${server.error.path:${error.path:/error}}")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
        && DependencyFailures.databaseUnreachable(failure)) {
      // a filter's query (a token's account, an idempotency key) failed in a database outage
      ServiceUnavailable.write(response, DependencyFailures.DATABASE_UNREACHABLE);
      return;
    }
    HttpStatus status = statusOf(request);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detailOf(status));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  private static HttpStatus statusOf(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (!(code instanceof Integer value)) {
      return HttpStatus.NOT_FOUND;
    }
    HttpStatus status = HttpStatus.resolve(value);
    return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }

  private static String detailOf(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "nothing is answered at this path";
      case METHOD_NOT_ALLOWED -> "this path does not take this method";
      case UNSUPPORTED_MEDIA_TYPE -> "send application/json";
      case FORBIDDEN -> "not allowed for this caller";
      case UNAUTHORIZED -> "a valid bearer token is needed";
      case INTERNAL_SERVER_ERROR ->
          "the request could not be completed; it is logged with its request id";
      default -> status.getReasonPhrase();
    };
  }
}
