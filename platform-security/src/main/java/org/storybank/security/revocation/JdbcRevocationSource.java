package org.storybank.security.revocation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads the gateway's {@code identity.revocations} (created by its migration V5). A database
 * without the table has had no gateway write to it, so nothing has been revoked there yet.
 */
final class JdbcRevocationSource implements RevocationSource {

  static final String TABLE = "identity.revocations";

  private static final String UNDEFINED_TABLE = "42P01";
  private static final int QUERY_TIMEOUT_SECONDS = 5;

  private final DataSource dataSource;

  JdbcRevocationSource(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<Revocation> current() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT user_id, session_id, cohort_id, revoked_at FROM "
                    + TABLE
                    + " WHERE expires_at > now()")) {
      statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      List<Revocation> revocations = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          revocations.add(
              new Revocation(
                  rows.getString("user_id"),
                  rows.getString("session_id"),
                  rows.getString("cohort_id"),
                  rows.getTimestamp("revoked_at").toInstant()));
        }
      }
      return revocations;
    } catch (SQLException e) {
      if (UNDEFINED_TABLE.equals(e.getSQLState())) {
        return List.of();
      }
      throw e;
    }
  }
}
