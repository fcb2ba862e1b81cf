package org.storybank.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.storybank.infra.Ports;
import org.storybank.infra.PostgresDatabase;

/**
 * The whole of Story Bank as {@code ./storybank up} starts it, on free ports, a scratch database
 * and its own state directory, with the demo organisation and a first admin from configuration;
 * {@link #close()} runs {@code down} and removes both. One is shared by the system test classes of
 * a run ({@link SharedStack}). {@code STORYBANK_TEST_GATEWAY_URL} points the browser tests at a
 * stack already running instead, for working on them ({@code -Dtest=WebAppBrowserTest}; nothing is
 * started or stopped then).
 */
final class RunningStack implements AutoCloseable {

  static final String ADMIN_EMAIL = "Owner@Example.org";
  static final String ADMIN_PASSWORD = "owner-password-from-config";

  private static final String POSTGRES_SERVER =
      Optional.ofNullable(System.getenv("STORYBANK_POSTGRES_URL"))
          .orElse("jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String POSTGRES_USER =
      Optional.ofNullable(System.getenv("STORYBANK_POSTGRES_USER")).orElse("postgres");
  private static final String POSTGRES_PASSWORD =
      Optional.ofNullable(System.getenv("STORYBANK_POSTGRES_PASSWORD")).orElse("");

  private final String gatewayUrl;
  private final Map<String, Integer> ports;
  private final Path stateDir;
  private final String database;
  private final StorybankProcess storybank;
  private String upOutput = "";

  private RunningStack(
      String gatewayUrl,
      Map<String, Integer> ports,
      Path stateDir,
      String database,
      StorybankProcess storybank) {
    this.gatewayUrl = gatewayUrl;
    this.ports = ports;
    this.stateDir = stateDir;
    this.database = database;
    this.storybank = storybank;
  }

  static RunningStack up() throws Exception {
    String existing = System.getenv("STORYBANK_TEST_GATEWAY_URL");
    if (existing != null && !existing.isBlank()) {
      return new RunningStack(existing.replaceAll("/+$", ""), Map.of(), null, null, null);
    }
    // Elasticsearch runs as another user when we are root, so its state must be reachable by
    // others.
    boolean root = "root".equals(System.getProperty("user.name"));
    Path stateDir =
        Files.createTempDirectory(
            Path.of(root ? "/var/tmp" : System.getProperty("java.io.tmpdir")),
            "storybank-browser-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    String database =
        PostgresDatabase.createScratchDatabase(POSTGRES_SERVER, POSTGRES_USER, POSTGRES_PASSWORD);
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (String port :
        List.of("GATEWAY", "COMMAND", "QUERY", "EVALUATION", "ELASTICSEARCH", "KAFKA")) {
      ports.put(port, Ports.free());
    }
    Map<String, String> environment = new HashMap<>();
    ports.forEach(
        (name, port) -> environment.put("STORYBANK_" + name + "_PORT", Integer.toString(port)));
    environment.put("STORYBANK_STATE_DIR", stateDir.toString());
    environment.put("STORYBANK_ADMIN_EMAIL", ADMIN_EMAIL);
    environment.put("STORYBANK_ADMIN_PASSWORD", ADMIN_PASSWORD);
    environment.put("STORYBANK_POSTGRES_URL", database);
    environment.put("STORYBANK_POSTGRES_USER", POSTGRES_USER);
    environment.put("STORYBANK_POSTGRES_PASSWORD", POSTGRES_PASSWORD);
    StorybankProcess storybank = new StorybankProcess(environment);
    RunningStack stack =
        new RunningStack(
            "http://127.0.0.1:" + ports.get("GATEWAY"),
            Map.copyOf(ports),
            stateDir,
            database,
            storybank);
    // a loaded machine (several builds sharing two cores) starts the services in several minutes
    StorybankProcess.Outcome outcome = storybank.run(Duration.ofMinutes(10), "up");
    stack.upOutput = outcome.output();
    System.out.println(outcome.output());
    if (outcome.exitCode() != 0) {
      stack.close();
      throw new IllegalStateException(
          "./storybank up failed (exit " + outcome.exitCode() + "):\n" + outcome.output());
    }
    return stack;
  }

  String gatewayUrl() {
    return gatewayUrl;
  }

  /** GATEWAY, COMMAND, QUERY, EVALUATION, ELASTICSEARCH, KAFKA. */
  Map<String, Integer> ports() {
    return ports;
  }

  Path stateDir() {
    return stateDir;
  }

  StorybankProcess process() {
    return storybank;
  }

  /** The JDBC URL of the stack's database. */
  String database() {
    return database;
  }

  static String postgresUser() {
    return POSTGRES_USER;
  }

  static String postgresPassword() {
    return POSTGRES_PASSWORD;
  }

  /** What {@code ./storybank up} printed. */
  String upOutput() {
    return upOutput;
  }

  @Override
  public void close() throws Exception {
    if (storybank == null) {
      return;
    }
    try {
      System.out.println(storybank.run(Duration.ofMinutes(2), "down").output());
    } finally {
      PostgresDatabase.dropDatabase(database, POSTGRES_USER, POSTGRES_PASSWORD);
      deleteRecursively(stateDir);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
