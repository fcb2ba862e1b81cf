package org.storybank.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * A request that failed because something the service depends on dropped or refused its connection
 * answers 503 with {@code Retry-After}: the database is unreachable, or a connection to another
 * server broke mid-call.
 *
 * <p>Before Spring MVC's own resolvers, because Spring takes any failure whose cause chain says
 * "broken pipe" or "connection reset by peer" for a client that went away and answers nothing, so
 * the client received 200 with an empty body. The database's socket breaking says exactly that, so
 * a write that failed on a cut connection was answered as if it had been saved. Only Tomcat's own
 * {@code ClientAbortException} (and Spring's equivalents) mean the client left.
 */
final class DependencyFailures implements HandlerExceptionResolver, Ordered {

  private static final Logger log = LoggerFactory.getLogger(DependencyFailures.class);

  static final String DATABASE_UNREACHABLE =
      "the database cannot be reached now; try again in a few seconds";

  /** PostgreSQL's connection errors, and its server or database shutting down or refusing. */
  private static final Set<String> UNREACHABLE_DATABASE_STATES =
      Set.of("57P01", "57P02", "57P03", "53300");

  /**
   * What Hikari's proxy of a connection it already evicted as broken answers, with no SQL state: a
   * caller that holds on to it (Axon reads a snapshot, then the events) meets it next.
   */
  private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

  /** The exceptions by which servlet containers and Spring say the client is gone. */
  private static final Set<String> CLIENT_GONE =
      Set.of(
          "ClientAbortException",
          "AsyncRequestNotUsableException",
          "EofException",
          "AbortedException");

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
    if (response.isCommitted()) {
      return null;
    }
    String detail;
    if (databaseUnreachable(failure)) {
      detail = DATABASE_UNREACHABLE;
    } else if (DisconnectedClientHelper.isClientDisconnectedException(failure)
        && !clientGone(failure)) {
      detail = "a connection this request needed was cut; try again in a few seconds";
    } else {
      return null;
    }
    log.warn(
        "{} {} answered 503: {}", request.getMethod(), request.getRequestURI(), describe(failure));
    try {
      ServiceUnavailable.write(response, detail);
    } catch (IOException cannotAnswer) {
      return null;
    }
    return new ModelAndView();
  }

  @Override
  public int getOrder() {
    // after the gateway's own answer for a service it cannot reach
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  static boolean databaseUnreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLRecoverableException) {
        return true;
      }
      if (cause instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || UNREACHABLE_DATABASE_STATES.contains(state))
            || HIKARI_CLOSED_CONNECTION.equals(sql.getMessage())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean clientGone(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (CLIENT_GONE.contains(cause.getClass().getSimpleName())) {
        return true;
      }
    }
    return false;
  }

  private static Throwable next(Throwable cause) {
    return cause.getCause() == cause ? null : cause.getCause();
  }

  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (next(root) != null) {
      root = next(root);
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
