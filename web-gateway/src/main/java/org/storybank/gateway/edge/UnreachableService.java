package org.storybank.gateway.edge;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.storybank.security.ServiceUnavailable;

/**
 * A service behind the gateway that cannot be reached answers 503 with {@code Retry-After}, not a
 * 500 with a stack trace: the request never got there, so trying again later is safe.
 */
final class UnreachableService implements HandlerExceptionResolver, Ordered {

  private static final Logger log = LoggerFactory.getLogger(UnreachableService.class);

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
    if (!unreachable(failure) || response.isCommitted()) {
      return null;
    }
    log.warn(
        "{} {}: the service behind it cannot be reached ({})",
        request.getMethod(),
        request.getRequestURI(),
        rootCause(failure).getMessage());
    try {
      ServiceUnavailable.write(
          response,
          "the service for this request cannot be reached now; nothing was done, try again in"
              + " a few seconds");
    } catch (IOException cannotAnswer) {
      return null;
    }
    return new ModelAndView();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  /** The connection was refused or never made: the request did not reach the service. */
  static boolean unreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
