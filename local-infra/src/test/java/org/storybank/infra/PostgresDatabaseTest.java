package org.storybank.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/**
 * Needs the PostgreSQL of STORYBANK_POSTGRES_URL (default 127.0.0.1:5432, user postgres, trust
 * auth).
 */
class PostgresDatabaseTest {

  private static final String SERVER_URL =
      Environment.get(TestServers.POSTGRES_URL_ENV, "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String USER = Environment.get(TestServers.POSTGRES_USER_ENV, "postgres");
  private static final String PASSWORD = Environment.get(TestServers.POSTGRES_PASSWORD_ENV, "");

  @Test
  void createsAndDropsAScratchDatabase() throws Exception {
    String url = PostgresDatabase.createScratchDatabase(SERVER_URL, USER, PASSWORD);
    try {
      assertTrue(
          PostgresUrl.parse(url).database().startsWith(PostgresDatabase.SCRATCH_PREFIX), url);
      assertTrue(PostgresDatabase.exists(url, USER, PASSWORD));
      try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD)) {
        assertTrue(connection.isValid(5));
      }
    } finally {
      PostgresDatabase.dropDatabase(url, USER, PASSWORD);
    }
    assertFalse(PostgresDatabase.exists(url, USER, PASSWORD));
  }

  @Test
  void ensureDatabaseCreatesAMissingDatabaseOnceAndDropForcesOpenSessionsOff() throws Exception {
    String url =
        PostgresUrl.parse(SERVER_URL)
            .withDatabase(
                PostgresDatabase.SCRATCH_PREFIX + "ensure_" + ProcessHandle.current().pid())
            .toString();
    PostgresDatabase.dropDatabase(url, USER, PASSWORD);

    PostgresDatabase.ensureDatabase(url, USER, PASSWORD);
    PostgresDatabase.ensureDatabase(url, USER, PASSWORD);

    assertTrue(PostgresDatabase.exists(url, USER, PASSWORD));
    try (Connection stillOpen = DriverManager.getConnection(url, USER, PASSWORD)) {
      PostgresDatabase.dropDatabase(url, USER, PASSWORD);
      assertFalse(stillOpen.isValid(2));
    }
    assertFalse(PostgresDatabase.exists(url, USER, PASSWORD));
  }

  @Test
  void unreachableServerGivesOneLineNamingCauseAndFix() {
    InfrastructureException failure =
        assertThrows(
            InfrastructureException.class,
            () ->
                PostgresDatabase.ensureDatabase(
                    "jdbc:postgresql://127.0.0.1:1/storybank", "postgres", ""));

    assertEquals(
        "PostgreSQL is not reachable at 127.0.0.1:1 (Connection refused): start it or set STORYBANK_POSTGRES_URL",
        failure.getMessage());
  }
}
