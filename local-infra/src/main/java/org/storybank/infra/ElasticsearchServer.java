package org.storybank.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Elasticsearch {@value ElasticsearchDistribution#VERSION} running as its own process
 * from an instance directory (config, data, logs, pid file). The process outlives this JVM until
 * {@link #stop()}.
 */
public final class ElasticsearchServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ElasticsearchServer.class);

  static final String PORT_ENV = "STORYBANK_ELASTICSEARCH_PORT";
  private static final String CLUSTER_NAME = "storybank-local";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final String HTTP_PORT_KEY = "elasticsearch.http.port";

  /** Found in the command line of the Elasticsearch server JVM (and not of its launcher). */
  private static final String SERVER_MARKER = "org.elasticsearch.bootstrap.Elasticsearch";

  private static final String LAUNCHER_MARKER = "elasticsearch";

  private final Path instanceDir;
  private final int httpPort;
  private final ProcessHandle server;
  private final Optional<ProcessHandle> launcher;
  private boolean stopped;

  private ElasticsearchServer(
      Path instanceDir, int httpPort, ProcessHandle server, Optional<ProcessHandle> launcher) {
    this.instanceDir = instanceDir;
    this.httpPort = httpPort;
    this.server = server;
    this.launcher = launcher;
  }

  /**
   * Starts Elasticsearch with data and logs in {@code instanceDir}, HTTP on 127.0.0.1:{@code
   * httpPort}, and waits until the cluster is yellow. When the caller is root it runs as the system
   * user {@value ServiceUser#NAME}.
   */
  public static ElasticsearchServer start(Path instanceDir, int httpPort) {
    Path dir = instanceDir.toAbsolutePath().normalize();
    running(dir)
        .ifPresent(
            existing -> {
              throw new InfrastructureException(
                  "Elasticsearch already runs from "
                      + dir
                      + " (pid "
                      + existing.pid()
                      + ", "
                      + existing.url()
                      + "): stop it first or reuse it");
            });
    Ports.requireFree(httpPort, "Elasticsearch", PORT_ENV);
    Path home = ElasticsearchDistribution.home();
    Path javaHome = Jdk.find21Plus();
    prepareInstanceDir(dir, home, httpPort);

    long startedAt = System.nanoTime();
    Process launcher = launch(dir, home, javaHome, httpPort, Ports.free());
    Processes.writePid(dir.resolve("launcher.pid"), launcher.pid());
    ProcessHandle server;
    try {
      server = awaitHealthy(dir, httpPort, launcher);
    } catch (RuntimeException e) {
      Processes.terminate(Processes.withDescendants(launcher.toHandle()).reversed(), STOP_GRACE);
      throw e;
    }
    log.info(
        "Elasticsearch {} started at http://127.0.0.1:{} (pid {}) in {} ms",
        ElasticsearchDistribution.VERSION,
        httpPort,
        server.pid(),
        Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
    return new ElasticsearchServer(dir, httpPort, server, Optional.of(launcher.toHandle()));
  }

  /** The server started from {@code instanceDir} by any JVM, if it is still running. */
  public static Optional<ElasticsearchServer> running(Path instanceDir) {
    Path dir = instanceDir.toAbsolutePath().normalize();
    Optional<ProcessHandle> server = Processes.fromPidFile(dir.resolve("es.pid"), SERVER_MARKER);
    Optional<Integer> port = InstanceProperties.read(dir).port(HTTP_PORT_KEY);
    if (server.isEmpty() || port.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ElasticsearchServer(
            dir,
            port.get(),
            server.get(),
            Processes.fromPidFile(dir.resolve("launcher.pid"), LAUNCHER_MARKER)));
  }

  public static boolean isRunning(Path instanceDir) {
    return running(instanceDir).isPresent();
  }

  /** Stops the server started from {@code instanceDir} by any JVM; does nothing if none runs. */
  public static void stop(Path instanceDir) {
    running(instanceDir).ifPresent(ElasticsearchServer::stop);
  }

  public String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  public int httpPort() {
    return httpPort;
  }

  /** The pid of the Elasticsearch server JVM (as written to es.pid). */
  public long pid() {
    return server.pid();
  }

  public Path instanceDir() {
    return instanceDir;
  }

  /** SIGTERM to the server, then its launcher chain; SIGKILL after 30 s. Idempotent. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    boolean wasRunning = Processes.isAlive(server.pid());
    List<ProcessHandle> processes = new ArrayList<>();
    processes.add(server);
    launcher.ifPresent(handle -> processes.addAll(Processes.withDescendants(handle).reversed()));
    Processes.terminate(processes, STOP_GRACE);
    Processes.deleteQuietly(instanceDir.resolve("es.pid"));
    Processes.deleteQuietly(instanceDir.resolve("launcher.pid"));
    stopped = true;
    if (wasRunning) {
      log.info("Elasticsearch (pid {}) stopped", server.pid());
    }
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "Elasticsearch " + url() + " (pid " + pid() + ", " + instanceDir + ")";
  }

  private static void prepareInstanceDir(Path dir, Path home, int httpPort) {
    try {
      for (String child : List.of("data", "logs", "tmp")) {
        Files.createDirectories(dir.resolve(child));
      }
      if (!Files.isDirectory(dir.resolve("config"))) {
        copyDirectory(home.resolve("config"), dir.resolve("config"));
      }
    } catch (IOException e) {
      throw new InfrastructureException(
          "cannot prepare " + dir + " (" + e.getMessage() + "): check permissions", e);
    }
    Processes.deleteQuietly(dir.resolve("es.pid"));
    InstanceProperties.read(dir).with(HTTP_PORT_KEY, httpPort).write(dir);
    if (ServiceUser.callerIsRoot()) {
      ServiceUser.ensureExists();
      ServiceUser.requireReachable(home, "the Elasticsearch cache");
      ServiceUser.requireReachable(dir, "the Elasticsearch instance dir");
      ServiceUser.chownRecursively(dir);
    }
  }

  private static void copyDirectory(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path destination = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(path, destination, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static Process launch(
      Path dir, Path home, Path javaHome, int httpPort, int transportPort) {
    List<String> command = new ArrayList<>(DetachedProcess.newSessionPrefix());
    if (ServiceUser.callerIsRoot()) {
      command.addAll(ServiceUser.runAs());
    }
    command.add(home.resolve("bin/elasticsearch").toString());
    settings(dir, httpPort, transportPort)
        .forEach(
            (name, value) -> {
              command.add("-E");
              command.add(name + "=" + value);
            });
    command.add("-p");
    command.add(dir.resolve("es.pid").toString());

    Map<String, String> environment =
        Map.of(
            "ES_PATH_CONF", dir.resolve("config").toString(),
            "ES_JAVA_HOME", javaHome.toString(),
            "ES_JAVA_OPTS", "-Xms512m -Xmx512m",
            "ES_TMPDIR", dir.resolve("tmp").toString());
    return DetachedProcess.start(command, environment, dir, dir.resolve("elasticsearch.out"));
  }

  private static Map<String, String> settings(Path dir, int httpPort, int transportPort) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("discovery.type", "single-node");
    settings.put("xpack.security.enabled", "false");
    settings.put("http.port", Integer.toString(httpPort));
    settings.put("http.host", "127.0.0.1");
    settings.put("transport.port", Integer.toString(transportPort));
    settings.put("transport.host", "127.0.0.1");
    settings.put("path.data", dir.resolve("data").toString());
    settings.put("path.logs", dir.resolve("logs").toString());
    settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
    settings.put("cluster.name", CLUSTER_NAME);
    return settings;
  }

  private static ProcessHandle awaitHealthy(Path dir, int httpPort, Process launcher) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI health =
        URI.create(
            "http://127.0.0.1:" + httpPort + "/_cluster/health?wait_for_status=yellow&timeout=2s");
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!launcher.isAlive()) {
        throw startupFailure(
            dir, "Elasticsearch exited during startup with code " + launcher.exitValue());
      }
      if (isHealthy(http, health)) {
        Optional<ProcessHandle> server =
            Processes.fromPidFile(dir.resolve("es.pid"), SERVER_MARKER);
        if (server.isPresent()) {
          return server.get();
        }
      }
      Processes.sleep(Duration.ofMillis(250));
    }
    throw startupFailure(
        dir,
        "Elasticsearch did not become healthy on port "
            + httpPort
            + " within "
            + STARTUP_TIMEOUT.toSeconds()
            + " s");
  }

  private static boolean isHealthy(HttpClient http, URI health) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while waiting for Elasticsearch", e);
    }
  }

  private static InfrastructureException startupFailure(Path dir, String what) {
    Path out = dir.resolve("elasticsearch.out");
    Path serverLog = dir.resolve("logs").resolve(CLUSTER_NAME + ".log");
    return new InfrastructureException(
        what + ": see " + out + " and " + serverLog, LogTail.of(List.of(out, serverLog), 40));
  }
}
