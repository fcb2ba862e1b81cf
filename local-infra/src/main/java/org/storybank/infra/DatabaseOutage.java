package org.storybank.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database that is down for a while, as its clients see it: every open connection is cut and no
 * new one is let in until {@link #close()}. The server itself keeps running for everyone else.
 */
public final class DatabaseOutage implements AutoCloseable {

  private final String name;
  private final TestServers servers;

  private DatabaseOutage(String name, TestServers servers) {
    this.name = name;
    this.servers = servers;
  }

  public static DatabaseOutage of(String databaseUrl, TestServers servers) throws SQLException {
    String name = PostgresUrl.parse(databaseUrl).requireDatabase();
    DatabaseOutage outage = new DatabaseOutage(name, servers);
    outage.run("ALTER DATABASE \"" + name + "\" ALLOW_CONNECTIONS false");
    outage.run(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
            + name
            + "' AND pid <> pg_backend_pid()");
    return outage;
  }

  @Override
  public void close() throws SQLException {
    run("ALTER DATABASE \"" + name + "\" ALLOW_CONNECTIONS true");
  }

  private void run(String sql) throws SQLException {
    try (Connection admin =
            DriverManager.getConnection(
                servers.postgresServerUrl(), servers.postgresUser(), servers.postgresPassword());
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }
}
