package org.storybank.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

  private Path baseDir;
  private KafkaBroker broker;

  @BeforeEach
  void createDir() throws IOException {
    baseDir = InstanceDirs.create("storybank-kafka-test-");
  }

  @AfterEach
  void cleanUp() {
    if (broker != null) {
      broker.stop();
    }
    InstanceDirs.delete(baseDir);
  }

  @Test
  void startsRestartsOnTheSamePortAndDataAndStops() throws IOException {
    Path instanceDir = baseDir.resolve("kafka");
    int port = Ports.free();
    broker = KafkaBroker.start(instanceDir, port);

    assertEquals("127.0.0.1:" + port, broker.bootstrapServers());
    assertTrue(Ports.acceptsConnections("127.0.0.1", port, 1_000));
    assertEquals(1, KafkaMetadataProbe.liveBrokers("127.0.0.1", port));
    assertTrue(KafkaBroker.isRunning(instanceDir));
    String clusterBeforeRestart = Files.readString(instanceDir.resolve("data/meta.properties"));
    long pidBeforeRestart = broker.pid();

    broker.restart();

    assertNotEquals(pidBeforeRestart, broker.pid());
    assertFalse(Processes.isAlive(pidBeforeRestart));
    assertTrue(Ports.acceptsConnections("127.0.0.1", port, 1_000));
    assertEquals(1, KafkaMetadataProbe.liveBrokers("127.0.0.1", port));
    assertEquals(
        clusterBeforeRestart, Files.readString(instanceDir.resolve("data/meta.properties")));
    // the restart appended to the broker's output: what the first run printed is still there
    assertEquals(
        2,
        Files.readAllLines(instanceDir.resolve("kafka.out")).stream()
            .filter(line -> line.startsWith("==== starting at "))
            .count());

    long pid = broker.pid();
    KafkaBroker.stop(instanceDir);
    broker.stop();

    assertFalse(Processes.isAlive(pid));
    assertFalse(KafkaBroker.isRunning(instanceDir));
    assertFalse(Ports.acceptsConnections("127.0.0.1", port, 500));
  }
}
