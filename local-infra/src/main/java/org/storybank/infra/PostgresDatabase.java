package org.storybank.infra;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates and drops PostgreSQL databases; the server itself is configured by URL and never started
 * here.
 */
public final class PostgresDatabase {

  public static final String SCRATCH_PREFIX = "storybank_test_";
  static final String URL_ENV = "STORYBANK_POSTGRES_URL";

  private static final String MAINTENANCE_DATABASE = "postgres";
  private static final String INVALID_CATALOG_NAME = "3D000";
  private static final String DUPLICATE_DATABASE = "42P04";
  private static final String UNIQUE_VIOLATION = "23505";
  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  private PostgresDatabase() {}

  /**
   * Creates the database named in {@code jdbcUrl} unless it exists (connecting to the "postgres"
   * database to do so).
   */
  public static void ensureDatabase(String jdbcUrl, String user, String password) {
    PostgresUrl url = PostgresUrl.parse(jdbcUrl);
    String database = url.requireDatabase();
    try (Connection ignored = connect(url, user, password)) {
      return;
    } catch (SQLException e) {
      if (!INVALID_CATALOG_NAME.equals(e.getSQLState())) {
        throw failure(url, user, "connect to database '" + database + "'", e);
      }
    }
    createDatabase(url, database, user, password);
  }

  /**
   * Creates a uniquely named database ({@value #SCRATCH_PREFIX}...) on the server of {@code
   * serverJdbcUrl}; returns its URL.
   */
  public static String createScratchDatabase(String serverJdbcUrl, String user, String password) {
    PostgresUrl server = PostgresUrl.parse(serverJdbcUrl);
    String name =
        SCRATCH_PREFIX
            + Long.toString(System.currentTimeMillis(), 36)
            + "_"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    createDatabase(server, name, user, password);
    return server.withDatabase(name).toString();
  }

  /**
   * Drops the database named in {@code databaseJdbcUrl}, disconnecting its sessions (WITH (FORCE));
   * no-op if absent.
   */
  public static void dropDatabase(String databaseJdbcUrl, String user, String password) {
    PostgresUrl url = PostgresUrl.parse(databaseJdbcUrl);
    String database = url.requireDatabase();
    execute(
        url,
        user,
        password,
        "DROP DATABASE IF EXISTS " + quoted(database) + " WITH (FORCE)",
        "drop database '" + database + "'");
  }

  public static boolean exists(String databaseJdbcUrl, String user, String password) {
    PostgresUrl url = PostgresUrl.parse(databaseJdbcUrl);
    try (Connection connection = connect(url.withDatabase(MAINTENANCE_DATABASE), user, password);
        PreparedStatement query =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      query.setString(1, url.requireDatabase());
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw failure(url, user, "look up database '" + url.database() + "'", e);
    }
  }

  private static void createDatabase(
      PostgresUrl server, String database, String user, String password) {
    try {
      execute(
          server,
          user,
          password,
          "CREATE DATABASE " + quoted(database),
          "create database '" + database + "'");
    } catch (InfrastructureException e) {
      // Another process created it between our check and our CREATE.
      if (!(e.getCause() instanceof SQLException sql)
          || !(DUPLICATE_DATABASE.equals(sql.getSQLState())
              || UNIQUE_VIOLATION.equals(sql.getSQLState()))) {
        throw e;
      }
    }
  }

  private static void execute(
      PostgresUrl url, String user, String password, String sql, String what) {
    try (Connection connection = connect(url.withDatabase(MAINTENANCE_DATABASE), user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw failure(url, user, what, e);
    }
  }

  private static Connection connect(PostgresUrl url, String user, String password)
      throws SQLException {
    Properties properties = new Properties();
    if (user != null && !user.isEmpty()) {
      properties.setProperty("user", user);
    }
    if (password != null && !password.isEmpty()) {
      properties.setProperty("password", password);
    }
    properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    properties.setProperty("ApplicationName", "storybank-local-infra");
    return DriverManager.getConnection(url.toString(), properties);
  }

  private static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static InfrastructureException failure(
      PostgresUrl url, String user, String what, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String address = url.address();
    if (state.startsWith("08") || isNetworkFailure(e)) {
      return new InfrastructureException(
          "PostgreSQL is not reachable at "
              + address
              + " ("
              + rootCause(e)
              + "): start it or set "
              + URL_ENV,
          e);
    }
    if (state.startsWith("28")) {
      return new InfrastructureException(
          "PostgreSQL at "
              + address
              + " rejected user '"
              + user
              + "' ("
              + oneLine(e.getMessage())
              + "): set STORYBANK_POSTGRES_USER and STORYBANK_POSTGRES_PASSWORD",
          e);
    }
    if ("42501".equals(state)) {
      return new InfrastructureException(
          "user '"
              + user
              + "' may not "
              + what
              + " at "
              + address
              + ": grant it CREATEDB or create the database yourself",
          e);
    }
    return new InfrastructureException(
        "could not "
            + what
            + " at "
            + address
            + " ("
            + oneLine(e.getMessage())
            + "): check the server log and "
            + URL_ENV,
        e);
  }

  private static boolean isNetworkFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException
          || cause instanceof UnknownHostException
          || cause instanceof NoRouteToHostException
          || cause instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    if (root instanceof UnknownHostException) {
      message = "unknown host " + message;
    }
    return oneLine(message);
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").trim();
  }
}
