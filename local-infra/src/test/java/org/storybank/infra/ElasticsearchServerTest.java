package org.storybank.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** One Elasticsearch for all assertions; the last test stops it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ElasticsearchServerTest {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Path baseDir;
  private Path instanceDir;
  private ElasticsearchServer server;

  @BeforeAll
  void startElasticsearch() throws IOException {
    baseDir = InstanceDirs.create("storybank-es-test-");
    instanceDir = baseDir.resolve("elasticsearch");
    server = ElasticsearchServer.start(instanceDir, Ports.free());
  }

  @AfterAll
  void stopElasticsearch() {
    if (server != null) {
      server.stop();
    }
    InstanceDirs.delete(baseDir);
  }

  @Test
  @Order(1)
  void reportsVersion953() throws Exception {
    // This integ-test build lacks the rest-root module, so GET / is not routed; the node info
    // carries the version.
    HttpResponse<String> root = send("GET", "/", null);
    assertEquals("Elasticsearch", root.headers().firstValue("X-elastic-product").orElse(""));

    HttpResponse<String> nodes = send("GET", "/_nodes/_local?filter_path=nodes.*.version", null);
    assertEquals(200, nodes.statusCode());
    assertTrue(nodes.body().contains("\"version\":\"9.5.3\""), nodes.body());
  }

  @Test
  @Order(2)
  void indexesAndFindsADocument() throws Exception {
    HttpResponse<String> created =
        send(
            "PUT",
            "/stories",
            """
                {"mappings": {"properties": {"title": {"type": "text"}}}}""");
    assertEquals(200, created.statusCode(), created.body());

    HttpResponse<String> indexed =
        send(
            "PUT",
            "/stories/_doc/1?refresh=true",
            """
                {"title": "pushed back on the plan of my manager"}""");
    assertEquals(201, indexed.statusCode(), indexed.body());

    HttpResponse<String> found =
        send(
            "POST",
            "/stories/_search",
            """
                {"query": {"match": {"title": "manager"}}}""");
    assertEquals(200, found.statusCode(), found.body());
    assertTrue(found.body().contains("\"_id\":\"1\""), found.body());
  }

  @Test
  @Order(3)
  void isVisibleThroughItsPidFile() {
    assertTrue(ElasticsearchServer.isRunning(instanceDir));
    assertEquals(server.pid(), ElasticsearchServer.running(instanceDir).orElseThrow().pid());
    assertEquals(server.url(), ElasticsearchServer.running(instanceDir).orElseThrow().url());
  }

  @Test
  @Order(4)
  void refusesASecondServerOnTheSameInstanceDir() {
    InfrastructureException refused =
        assertThrows(
            InfrastructureException.class,
            () -> ElasticsearchServer.start(instanceDir, Ports.free()));
    assertTrue(refused.oneLine().contains("already runs"), refused.oneLine());
  }

  @Test
  @Order(5)
  void stopsAndLeavesNoProcess() {
    long pid = server.pid();
    server.stop();
    server.stop();

    assertFalse(Processes.isAlive(pid), "Elasticsearch pid " + pid + " is still alive");
    assertFalse(ElasticsearchServer.isRunning(instanceDir));
    assertFalse(Ports.acceptsConnections("127.0.0.1", server.httpPort(), 500));
  }

  private HttpResponse<String> send(String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
