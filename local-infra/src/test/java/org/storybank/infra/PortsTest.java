package org.storybank.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void requireFreeOnABoundPortNamesTheServerAndTheVariable() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      PortInUseException failure =
          assertThrows(
              PortInUseException.class,
              () -> Ports.requireFree(port, "Elasticsearch", "STORYBANK_ELASTICSEARCH_PORT"));

      assertEquals(
          "port "
              + port
              + " (Elasticsearch) is taken: stop what uses it or set STORYBANK_ELASTICSEARCH_PORT",
          failure.getMessage());
      assertEquals(port, failure.port());
    }
  }

  @Test
  void freePortsAreFree() {
    int port = Ports.free();
    assertTrue(Ports.isFree(port));
    Ports.requireFree(port, "Kafka", "STORYBANK_KAFKA_PORT");
  }

  @Test
  void neverHandsOutTheSamePortTwice() {
    java.util.Set<Integer> ports = new java.util.HashSet<>();
    for (int i = 0; i < 200; i++) {
      assertTrue(ports.add(Ports.free()), "a port handed out twice");
    }
  }
}
