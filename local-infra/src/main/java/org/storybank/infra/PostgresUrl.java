package org.storybank.infra;

/**
 * The parts of a {@code jdbc:postgresql://host[:port][/database][?parameters]} URL that database
 * administration needs: where the server is, and which database the URL names.
 */
record PostgresUrl(String hosts, String database, String parameters) {

  private static final String PREFIX = "jdbc:postgresql://";

  static PostgresUrl parse(String jdbcUrl) {
    if (jdbcUrl == null || !jdbcUrl.startsWith(PREFIX)) {
      throw new InfrastructureException(
          "'" + jdbcUrl + "' is not a PostgreSQL JDBC URL: use " + PREFIX + "host:port/database");
    }
    String rest = jdbcUrl.substring(PREFIX.length());
    int query = rest.indexOf('?');
    String parameters = query < 0 ? "" : rest.substring(query);
    String beforeQuery = query < 0 ? rest : rest.substring(0, query);
    int slash = beforeQuery.indexOf('/');
    String hosts = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
    String database = slash < 0 ? "" : beforeQuery.substring(slash + 1);
    return new PostgresUrl(hosts, database, parameters);
  }

  PostgresUrl withDatabase(String otherDatabase) {
    return new PostgresUrl(hosts, otherDatabase, parameters);
  }

  /** host:port for messages, with defaults spelled out. */
  String address() {
    if (hosts.isEmpty()) {
      return "localhost:5432";
    }
    boolean hasPort = hosts.startsWith("[") ? hosts.contains("]:") : hosts.contains(":");
    return hasPort || hosts.contains(",") ? hosts : hosts + ":5432";
  }

  String requireDatabase() {
    if (database.isEmpty()) {
      throw new InfrastructureException(
          "the JDBC URL " + this + " names no database: append /<database>");
    }
    return database;
  }

  @Override
  public String toString() {
    return PREFIX + hosts + "/" + database + parameters;
  }
}
