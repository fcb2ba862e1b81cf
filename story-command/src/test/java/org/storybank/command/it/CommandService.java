package org.storybank.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.storybank.command.StoryCommandApplication;

/** One running story-command instance on a real database and broker, called over HTTP. */
final class CommandService implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final ConfigurableApplicationContext context;
  private final String baseUrl;

  private CommandService(ConfigurableApplicationContext context) {
    this.context = context;
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  static CommandService start(
      String databaseUrl,
      String user,
      String password,
      String kafka,
      String jwksUrl,
      String... more) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwksUrl,
                "--spring.jmx.enabled=false",
                "--logging.level.org.axonframework=WARN",
                "--logging.level.org.apache.kafka=WARN"));
    arguments.addAll(List.of(more));
    return new CommandService(
        new SpringApplicationBuilder(StoryCommandApplication.class)
            .run(arguments.toArray(String[]::new)));
  }

  ConfigurableApplicationContext context() {
    return context;
  }

  record Response(int status, JsonNode body, HttpHeaders headers) {}

  Response send(String method, String path, String token, Object body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    headers.forEach(request::header);
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    return new Response(response.statusCode(), json, response.headers());
  }

  Response get(String path, String token) throws IOException, InterruptedException {
    return send("GET", path, token, null, Map.of());
  }

  Response post(String path, String token, Object body) throws IOException, InterruptedException {
    return send("POST", path, token, body, Map.of());
  }

  @Override
  public void close() {
    context.close();
  }
}
