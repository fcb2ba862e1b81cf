package org.storybank.infra;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Asks a Kafka broker for cluster metadata with a hand-written Metadata v0 request (JDK only, no
 * kafka-clients). The broker lists itself only once it is registered and unfenced, i.e. ready for
 * producers and consumers.
 */
final class KafkaMetadataProbe {

  private static final short METADATA_API_KEY = 3;
  private static final short VERSION_0 = 0;
  private static final byte[] CLIENT_ID = "storybank-local-infra".getBytes(StandardCharsets.UTF_8);
  private static final int TIMEOUT_MILLIS = 2_000;

  private KafkaMetadataProbe() {}

  /** Number of live brokers the broker at host:port reports; 0 when it does not answer (yet). */
  static int liveBrokers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      int correlationId = (int) (System.nanoTime() & 0x7fffffff);
      writeRequest(new DataOutputStream(socket.getOutputStream()), correlationId);
      return readBrokerCount(new DataInputStream(socket.getInputStream()), correlationId);
    } catch (IOException e) {
      return 0;
    }
  }

  private static void writeRequest(DataOutputStream out, int correlationId) throws IOException {
    int headerSize = 2 + 2 + 4 + 2 + CLIENT_ID.length;
    int emptyTopicArray = 4; // v0: an empty topic list means "all topics"
    out.writeInt(headerSize + emptyTopicArray);
    out.writeShort(METADATA_API_KEY);
    out.writeShort(VERSION_0);
    out.writeInt(correlationId);
    out.writeShort(CLIENT_ID.length);
    out.write(CLIENT_ID);
    out.writeInt(0);
    out.flush();
  }

  private static int readBrokerCount(DataInputStream in, int correlationId) throws IOException {
    int size = in.readInt();
    if (size < 8 || in.readInt() != correlationId) {
      return 0;
    }
    return Math.max(0, in.readInt());
  }
}
