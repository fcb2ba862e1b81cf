package org.storybank.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared servers as other modules use them; they are stopped by the JVM shutdown hook. */
@ExtendWith(TestServersExtension.class)
class TestServersTest {

  @Test
  void sharedServersAnswer(TestServers servers) throws Exception {
    assertSame(servers, TestServers.shared());

    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(servers.elasticsearchUrl() + "/_cluster/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode());

    String[] kafka = servers.kafkaBootstrapServers().split(":");
    assertEquals(1, KafkaMetadataProbe.liveBrokers(kafka[0], Integer.parseInt(kafka[1])));

    String database = servers.newDatabase();
    try (Connection connection =
        DriverManager.getConnection(database, servers.postgresUser(), servers.postgresPassword())) {
      assertTrue(connection.isValid(5));
    }
  }
}
