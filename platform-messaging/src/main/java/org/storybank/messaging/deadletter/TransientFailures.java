package org.storybank.messaging.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tells a failure that will pass by itself (a server down, overloaded or refusing writes for a
 * while) from one that will not. A transient failure is retried with back-off for as long as it
 * lasts and never dead-lettered; anything else is tried a few times and then dead-lettered.
 */
public final class TransientFailures {

  /**
   * Spring and Axon exceptions that mean "the database could not be reached or must be retried".
   */
  private static final Set<String> TRANSIENT_TYPES =
      Set.of(
          "org.springframework.dao.TransientDataAccessException",
          "org.springframework.dao.DataAccessResourceFailureException",
          "org.springframework.transaction.CannotCreateTransactionException",
          "org.axonframework.common.AxonTransientException",
          "org.apache.kafka.common.errors.RetriableException");

  /**
   * SQL states of lost connections (08), shutdowns (57P), exhausted resources (53), rollbacks (40).
   */
  private static final List<String> TRANSIENT_SQL_STATES = List.of("08", "57P", "53", "40");

  private final List<Predicate<Throwable>> others;

  /**
   * @param others further transient failures a service knows about (one cause at a time)
   */
  public TransientFailures(List<Predicate<Throwable>> others) {
    this.others = List.copyOf(others);
  }

  public boolean isTransient(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (isTransientCause(cause)) {
        return true;
      }
    }
    return false;
  }

  private boolean isTransientCause(Throwable cause) {
    if (cause instanceof IOException && !(cause instanceof JsonProcessingException)) {
      return true;
    }
    if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
      return true;
    }
    if (cause instanceof SQLException sql && sql.getSQLState() != null) {
      return TRANSIENT_SQL_STATES.stream().anyMatch(sql.getSQLState()::startsWith);
    }
    for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
      if (TRANSIENT_TYPES.contains(type.getName())) {
        return true;
      }
    }
    return others.stream().anyMatch(other -> other.test(cause));
  }

  private static Throwable next(Throwable cause) {
    return cause.getCause() == cause ? null : cause.getCause();
  }
}
