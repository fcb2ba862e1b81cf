package org.storybank.gateway.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stand-in for a back-end service: answers fixed JSON per path and records what reached it. */
public final class FakeService implements AutoCloseable {

  public record Received(
      String method, String path, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  public FakeService() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String requestBody =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  Map.copyOf(exchange.getRequestHeaders()),
                  requestBody));
          byte[] body =
              answers
                  .getOrDefault(exchange.getRequestURI().getPath(), "{}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
          if (requestId != null) {
            // what every service answers
            exchange.getResponseHeaders().add("X-Request-Id", requestId);
          }
          String origin = exchange.getRequestHeaders().getFirst("Origin");
          if (origin != null) {
            // what a service's own CORS support would add
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
          }
          exchange.sendResponseHeaders(
              statuses.getOrDefault(exchange.getRequestURI().getPath(), 200), body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  public FakeService answering(String path, String json) {
    answers.put(path, json);
    return this;
  }

  /** Answers {@code status} at {@code path} from now on. */
  public FakeService status(String path, int status) {
    statuses.put(path, status);
    return this;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Received> received() {
    return received;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
