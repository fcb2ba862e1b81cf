package org.storybank.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Local TCP ports: finding free ones and failing clearly when a needed one is taken. */
public final class Ports {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  // A port is released as soon as it is found, so the system may offer it again to the next
  // caller before its first user binds it: never hand out the same port twice in one JVM.
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private Ports() {}

  /** A port that was free a moment ago on 127.0.0.1, and not handed out before by this JVM. */
  public static int free() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = ephemeral();
      if (HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new UncheckedIOException(new IOException("no fresh free local port after 100 tries"));
  }

  private static int ephemeral() {
    try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("could not find a free local port", e);
    }
  }

  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // Sockets of a just-stopped server linger in TIME_WAIT; they do not stop a new server from
      // binding.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * @param what the server that needs the port, e.g. "Elasticsearch"
   * @param envVar the variable that chooses another port, e.g. "STORYBANK_ELASTICSEARCH_PORT"
   */
  public static void requireFree(int port, String what, String envVar) {
    if (!isFree(port)) {
      throw new PortInUseException(
          port, "port " + port + " (" + what + ") is taken: stop what uses it or set " + envVar);
    }
  }

  public static boolean acceptsConnections(String host, int port, int timeoutMillis) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
