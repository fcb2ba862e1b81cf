package org.storybank.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PostgresUrlTest {

  @Test
  void replacesTheDatabaseAndKeepsParameters() {
    PostgresUrl url =
        PostgresUrl.parse(
            "jdbc:postgresql://db.example:6543/stories?sslmode=disable&reWriteBatchedInserts=true");

    assertEquals("stories", url.database());
    assertEquals("db.example:6543", url.address());
    assertEquals(
        "jdbc:postgresql://db.example:6543/postgres?sslmode=disable&reWriteBatchedInserts=true",
        url.withDatabase("postgres").toString());
  }

  @Test
  void spellsOutTheDefaultPort() {
    assertEquals(
        "localhost:5432", PostgresUrl.parse("jdbc:postgresql://localhost/stories").address());
  }

  @Test
  void rejectsOtherUrlsWithTheExpectedForm() {
    InfrastructureException failure =
        assertThrows(
            InfrastructureException.class,
            () -> PostgresUrl.parse("jdbc:mysql://localhost/stories"));
    assertEquals(
        "'jdbc:mysql://localhost/stories' is not a PostgreSQL JDBC URL: use jdbc:postgresql://host:port/database",
        failure.getMessage());
  }
}
