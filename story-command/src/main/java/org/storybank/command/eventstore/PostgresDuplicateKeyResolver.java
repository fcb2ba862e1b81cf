package org.storybank.command.eventstore;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon when an append failed on the event store's unique key (story, sequence): another
 * writer got that version first. PostgreSQL reports it as SQLState 23505, sometimes inside a batch
 * exception's chain; Axon's default resolver looks at vendor error codes, which PostgreSQL leaves
 * 0.
 */
class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

  static final String UNIQUE_VIOLATION = "23505";

  @Override
  public boolean isDuplicateKeyViolation(Exception exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && chainHasUniqueViolation(sql)) {
        return true;
      }
    }
    return false;
  }

  private static boolean chainHasUniqueViolation(SQLException exception) {
    for (SQLException next = exception; next != null; next = next.getNextException()) {
      if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
