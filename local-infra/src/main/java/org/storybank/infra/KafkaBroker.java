package org.storybank.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (broker and controller in one JVM) running as its own process
 * from an instance directory. The process outlives this JVM until {@link #stop()}; {@link
 * #restart()} keeps ports and data.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

  static final String PORT_ENV = "STORYBANK_KAFKA_PORT";
  private static final String HOST = "127.0.0.1";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final String PORT_KEY = "kafka.port";
  private static final String CONTROLLER_PORT_KEY = "kafka.controller.port";
  private static final String SERVER_MARKER = "kafka.Kafka";
  private static final String STARTED_LOG_LINE = "Kafka Server started";

  private final Path instanceDir;
  private final int port;
  private final int controllerPort;
  private ProcessHandle process;
  private boolean stopped;

  private KafkaBroker(Path instanceDir, int port, int controllerPort, ProcessHandle process) {
    this.instanceDir = instanceDir;
    this.port = port;
    this.controllerPort = controllerPort;
    this.process = process;
  }

  /**
   * Starts a broker listening on 127.0.0.1:{@code port} with its log in {@code instanceDir}/data,
   * formatting the storage only on first use, and waits until it answers metadata requests.
   */
  public static KafkaBroker start(Path instanceDir, int port) {
    Path dir = instanceDir.toAbsolutePath().normalize();
    running(dir)
        .ifPresent(
            existing -> {
              throw new InfrastructureException(
                  "Kafka already runs from "
                      + dir
                      + " (pid "
                      + existing.pid()
                      + ", "
                      + existing.bootstrapServers()
                      + "): stop it first or reuse it");
            });
    Ports.requireFree(port, "Kafka", PORT_ENV);
    int controllerPort =
        InstanceProperties.read(dir)
            .port(CONTROLLER_PORT_KEY)
            .filter(previous -> previous != port && Ports.isFree(previous))
            .orElseGet(Ports::free);
    KafkaBroker broker = new KafkaBroker(dir, port, controllerPort, null);
    broker.prepareInstanceDir();
    broker.launchAndAwait();
    return broker;
  }

  /** The broker started from {@code instanceDir} by any JVM, if it is still running. */
  public static Optional<KafkaBroker> running(Path instanceDir) {
    Path dir = instanceDir.toAbsolutePath().normalize();
    Optional<ProcessHandle> process =
        Processes.fromPidFile(dir.resolve("kafka.pid"), SERVER_MARKER);
    InstanceProperties properties = InstanceProperties.read(dir);
    Optional<Integer> port = properties.port(PORT_KEY);
    Optional<Integer> controllerPort = properties.port(CONTROLLER_PORT_KEY);
    if (process.isEmpty() || port.isEmpty() || controllerPort.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new KafkaBroker(dir, port.get(), controllerPort.get(), process.get()));
  }

  public static boolean isRunning(Path instanceDir) {
    return running(instanceDir).isPresent();
  }

  /** Stops the broker started from {@code instanceDir} by any JVM; does nothing if none runs. */
  public static void stop(Path instanceDir) {
    running(instanceDir).ifPresent(KafkaBroker::stop);
  }

  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  public int port() {
    return port;
  }

  public synchronized long pid() {
    return process.pid();
  }

  public Path instanceDir() {
    return instanceDir;
  }

  public synchronized boolean isRunning() {
    return !stopped && Processes.isAlive(process.pid());
  }

  /** SIGTERM (a controlled shutdown), SIGKILL after 30 s. Idempotent. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    boolean wasRunning = Processes.isAlive(process.pid());
    Processes.terminate(List.of(process), STOP_GRACE);
    Processes.deleteQuietly(instanceDir.resolve("kafka.pid"));
    stopped = true;
    if (wasRunning) {
      log.info("Kafka broker (pid {}) stopped", process.pid());
    }
  }

  /** Stops the broker and starts it again on the same ports with the same data. */
  public synchronized void restart() {
    stop();
    Ports.requireFree(port, "Kafka", PORT_ENV);
    launchAndAwait();
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "Kafka " + bootstrapServers() + " (pid " + process.pid() + ", " + instanceDir + ")";
  }

  private void prepareInstanceDir() {
    try {
      Files.createDirectories(instanceDir.resolve("data"));
      Files.writeString(instanceDir.resolve("server.properties"), serverProperties());
      Files.writeString(instanceDir.resolve("logback.xml"), logbackConfiguration());
    } catch (IOException e) {
      throw new InfrastructureException(
          "cannot prepare " + instanceDir + " (" + e.getMessage() + "): check permissions", e);
    }
    InstanceProperties.read(instanceDir)
        .with(PORT_KEY, port)
        .with(CONTROLLER_PORT_KEY, controllerPort)
        .write(instanceDir);
    if (!Files.exists(instanceDir.resolve("data").resolve("meta.properties"))) {
      formatStorage();
    }
  }

  private String serverProperties() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("process.roles", "broker,controller");
    settings.put("node.id", "1");
    settings.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
    settings.put(
        "listeners",
        "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
    settings.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
    settings.put("controller.listener.names", "CONTROLLER");
    settings.put("inter.broker.listener.name", "PLAINTEXT");
    settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    settings.put("log.dirs", instanceDir.resolve("data").toString());
    settings.put("offsets.topic.replication.factor", "1");
    settings.put("transaction.state.log.replication.factor", "1");
    settings.put("transaction.state.log.min.isr", "1");
    settings.put("min.insync.replicas", "1");
    settings.put("group.initial.rebalance.delay.ms", "0");
    settings.put("auto.create.topics.enable", "true");
    settings.put("num.partitions", "3");
    StringBuilder text =
        new StringBuilder("# written by org.storybank.infra.KafkaBroker on every start\n");
    settings.forEach(
        (name, value) ->
            text.append(name).append('=').append(value.replace("\\", "\\\\")).append('\n'));
    return text.toString();
  }

  private String logbackConfiguration() {
    return """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>%%d{ISO8601} %%-5level [%%thread] %%logger{36} - %%msg%%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="FILE"/></root>
                </configuration>
                """
        .formatted(instanceDir.resolve("kafka.log"));
  }

  private List<String> javaCommand(String mainClass, String... arguments) {
    Path javaHome =
        Jdk.findAtLeast(17)
            .orElseThrow(
                () ->
                    new InfrastructureException(
                        "no JDK 17+ found for the Kafka broker: install one, e.g. temurin-25-jdk"));
    List<String> command = new ArrayList<>(DetachedProcess.newSessionPrefix());
    command.addAll(
        List.of(
            Jdk.javaExecutable(javaHome).toString(),
            "-Xms256m",
            "-Xmx256m",
            "-Djava.awt.headless=true",
            "-Dlogback.configurationFile=" + instanceDir.resolve("logback.xml"),
            "-cp",
            RuntimeResources.kafkaClasspath(),
            mainClass));
    command.addAll(List.of(arguments));
    return command;
  }

  private void formatStorage() {
    List<String> command =
        javaCommand(
            "kafka.tools.StorageTool",
            "format",
            "-t",
            randomClusterId(),
            "-c",
            instanceDir.resolve("server.properties").toString());
    Path output = instanceDir.resolve("format.out");
    Process format = DetachedProcess.start(command, Map.of(), instanceDir, output);
    try {
      if (!format.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        format.destroyForcibly();
        throw new InfrastructureException(
            "formatting Kafka storage in " + instanceDir + " timed out: see " + output,
            LogTail.of(List.of(output), 30));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while formatting Kafka storage", e);
    }
    if (format.exitValue() != 0) {
      throw new InfrastructureException(
          "formatting Kafka storage in "
              + instanceDir
              + " failed (exit code "
              + format.exitValue()
              + "): see "
              + output,
          LogTail.of(List.of(output, instanceDir.resolve("kafka.log")), 30));
    }
  }

  /**
   * Kafka cluster ids are 16 random bytes in URL-safe base64; one starting with '-' would look like
   * an option.
   */
  private static String randomClusterId() {
    SecureRandom random = new SecureRandom();
    byte[] bytes = new byte[16];
    String id;
    do {
      random.nextBytes(bytes);
      id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } while (id.startsWith("-"));
    return id;
  }

  private void launchAndAwait() {
    Path logFile = instanceDir.resolve("kafka.log");
    long logOffset = LogTail.size(logFile);
    long startedAt = System.nanoTime();
    Process launched =
        DetachedProcess.start(
            javaCommand("kafka.Kafka", instanceDir.resolve("server.properties").toString()),
            Map.of(),
            instanceDir,
            instanceDir.resolve("kafka.out"));
    process = launched.toHandle();
    stopped = false;
    Processes.writePid(instanceDir.resolve("kafka.pid"), launched.pid());
    try {
      awaitReady(launched, logFile, logOffset);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
    log.info(
        "Kafka broker started at {} (pid {}) in {} ms",
        bootstrapServers(),
        launched.pid(),
        Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
  }

  private void awaitReady(Process launched, Path logFile, long logOffset) {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    boolean startedLogged = false;
    while (System.nanoTime() < deadline) {
      if (!launched.isAlive()) {
        throw startupFailure("Kafka exited during startup with code " + launched.exitValue());
      }
      startedLogged = startedLogged || LogTail.containsAfter(logFile, logOffset, STARTED_LOG_LINE);
      if (startedLogged && KafkaMetadataProbe.liveBrokers(HOST, port) > 0) {
        return;
      }
      Processes.sleep(Duration.ofMillis(200));
    }
    throw startupFailure(
        "Kafka did not become ready on port "
            + port
            + " within "
            + STARTUP_TIMEOUT.toSeconds()
            + " s");
  }

  private InfrastructureException startupFailure(String what) {
    Path out = instanceDir.resolve("kafka.out");
    Path logFile = instanceDir.resolve("kafka.log");
    return new InfrastructureException(
        what + ": see " + logFile, LogTail.of(List.of(out, logFile), 40));
  }
}
