package org.storybank.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small JSON-over-HTTP client for one base URL, as an API user would call it. */
final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;

  Api(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  record Response(int status, JsonNode body) {}

  Response post(String path, String token, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return send(request);
  }

  /** A creating POST that may be sent again: the same key answers the first result. */
  Response postWithKey(String path, String token, String idempotencyKey, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        request(path, token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return send(request);
  }

  Response put(String path, String token, String ifMatch, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        request(path, token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return send(request);
  }

  /** Any method, JSON body or none; for walking a list of endpoints. */
  Response call(String method, String path, String token, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        request(path, token)
            .header("Content-Type", "application/json")
            .header("If-Match", "0")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return send(request);
  }

  /** A request exactly as given (raw body, extra headers), answered with status, headers, body. */
  HttpResponse<String> raw(
      String method, String path, String token, Map<String, String> headers, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        request(path, token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(String text) {
    return parse(text);
  }

  Response get(String path, String token) throws IOException, InterruptedException {
    return send(request(path, token).GET());
  }

  String login(String email, String password) throws IOException, InterruptedException {
    Response response =
        post("/api/auth/login", null, java.util.Map.of("email", email, "password", password));
    if (response.status() != 200) {
      throw new IllegalStateException(
          "login of " + email + " answered " + response.status() + ": " + response.body());
    }
    return response.body().get("accessToken").asText();
  }

  static String query(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private static Response send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = response.body().isBlank() ? JSON.nullNode() : parse(response.body());
    return new Response(response.statusCode(), body);
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(text);
    }
  }
}
