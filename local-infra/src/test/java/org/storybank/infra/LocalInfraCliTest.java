package org.storybank.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CLI's failure paths; starting real servers through it is covered by the server tests. */
class LocalInfraCliTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final LocalInfraCli cli =
      new LocalInfraCli(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
  private Path stateDir;

  @BeforeEach
  void createStateDir() throws IOException {
    stateDir = InstanceDirs.create("storybank-cli-test-");
  }

  @AfterEach
  void deleteStateDir() {
    InstanceDirs.delete(stateDir);
  }

  @Test
  void takenPortExitsWithTwoAndOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      int exitCode =
          cli.run(
              "start",
              "--state-dir",
              stateDir.toString(),
              "--skip-elasticsearch",
              "--kafka-port",
              Integer.toString(port));

      assertEquals(LocalInfraCli.PORT_TAKEN, exitCode);
      assertEquals(
          "port "
              + port
              + " (Kafka) is taken: stop what uses it or set STORYBANK_KAFKA_PORT"
              + System.lineSeparator(),
          stderr());
    }
  }

  @Test
  void unreachablePostgresExitsWithOneLineAndNoStackTrace() {
    int exitCode =
        cli.run(
            "start",
            "--state-dir",
            stateDir.toString(),
            "--skip-elasticsearch",
            "--skip-kafka",
            "--postgres-url",
            "jdbc:postgresql://127.0.0.1:1/storybank");

    assertEquals(LocalInfraCli.FAILED, exitCode);
    assertEquals(1, stderr().lines().count(), stderr());
    assertTrue(stderr().startsWith("PostgreSQL is not reachable at 127.0.0.1:1"), stderr());
  }

  @Test
  void statusAndStopOfAnEmptyStateDir() {
    assertEquals(
        LocalInfraCli.NOT_ALL_RUNNING, cli.run("status", "--state-dir", stateDir.toString()));
    assertEquals(LocalInfraCli.OK, cli.run("stop", "--state-dir", stateDir.toString()));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("elasticsearch: not running"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("kafka: not running"));
  }

  @Test
  void usageErrorsExitWith64() {
    assertEquals(LocalInfraCli.USAGE, cli.run("start"));
    assertEquals(
        LocalInfraCli.USAGE,
        cli.run("start", "--state-dir", stateDir.toString(), "--kafka-port", "many"));
    assertEquals(LocalInfraCli.USAGE, cli.run("launch", "--state-dir", stateDir.toString()));
    assertEquals(3, stderr().lines().count(), stderr());
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
