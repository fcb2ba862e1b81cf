package org.storybank.security.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.storybank.security.SecurityHeaders;

/** What every service answers at its edge: headers, CORS, body size, API document. Real HTTP. */
@SpringBootTest(
    classes = EchoService.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "storybank.http.cors-origins=https://app.example.org, https://admin.example.org",
      "storybank.http.max-body-size=1KB",
      "storybank.http.import-max-body-size=4KB"
    })
class ServiceEdgeTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String json(int bytes) {
    return "{\"text\":\"" + "x".repeat(bytes - 12) + "\"}";
  }

  @Test
  void answersAndRefusalsCarryTheSecurityHeaders() throws Exception {
    HttpResponse<String> ok =
        send(
            request("/api/echo")
                .header("Authorization", "Bearer " + EchoService.token("u-1", "candidate")));
    HttpResponse<String> refused = send(request("/api/echo"));

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(refused.statusCode()).isEqualTo(401);
    for (HttpResponse<String> response : java.util.List.of(ok, refused)) {
      var headers = response.headers();
      assertThat(headers.firstValue("Content-Security-Policy"))
          .contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
      assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
      assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
      assertThat(headers.firstValue("X-Request-Id")).isPresent();
      assertThat(headers.firstValue("Set-Cookie")).as("no session, no cookie").isEmpty();
      assertThat(headers.firstValue("Strict-Transport-Security"))
          .as("HSTS only over HTTPS")
          .isEmpty();
    }
  }

  @Test
  void onlyConfiguredOriginsPassCors() throws Exception {
    HttpResponse<String> allowed =
        send(
            request("/api/echo")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://admin.example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"));
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://admin.example.org");

    HttpResponse<String> other =
        send(
            request("/api/echo")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST"));
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    HttpResponse<String> simple =
        send(
            request("/api/echo")
                .header("Origin", "https://evil.example.com")
                .header("Authorization", "Bearer " + EchoService.token("u-1", "candidate")));
    assertThat(simple.statusCode()).as("a foreign origin's actual request").isEqualTo(403);
  }

  @Test
  void bodiesOverTheLimitAnswer413WhateverTheirFraming() throws Exception {
    String token = EchoService.token("u-1", "candidate");
    HttpResponse<String> withLength =
        send(
            request("/api/echo")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(2048))));
    assertThat(withLength.statusCode()).isEqualTo(413);
    assertThat(withLength.body()).contains("larger than 1024 bytes");
    assertThat(withLength.headers().firstValue("X-Request-Id")).isPresent();

    HttpResponse<String> chunked =
        send(
            request("/api/echo")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(chunked(json(2048))));
    assertThat(chunked.statusCode()).isEqualTo(413);

    HttpResponse<String> fits =
        send(
            request("/api/echo")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(chunked(json(1000))));
    assertThat(fits.statusCode()).isEqualTo(200);
    assertThat(fits.body()).contains("x".repeat(988));
  }

  @Test
  void aBankImportHasItsOwnLargerLimit() throws Exception {
    String token = EchoService.token("u-1", "candidate");
    for (String path : java.util.List.of("/api/stories/import", "/api/stories/imports")) {
      HttpResponse<String> fits =
          send(
              request(path)
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(json(3000))));
      assertThat(fits.statusCode())
          .as("past the body check, to a path this service lacks")
          .isEqualTo(404);

      HttpResponse<String> tooLarge =
          send(
              request(path)
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(chunked(json(5000))));
      assertThat(tooLarge.statusCode()).isEqualTo(413);
      assertThat(tooLarge.body()).contains("larger than 4096 bytes");
    }
    HttpResponse<String> elsewhere =
        send(
            request("/api/stories/import/x")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(3000))));
    assertThat(elsewhere.statusCode()).as("only the import's own path").isEqualTo(413);
  }

  @Test
  void theApiDocumentIsPublicAndLeavesTheCallerOut() throws Exception {
    HttpResponse<String> document = send(request("/v3/api-docs"));
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body()).contains("/api/echo").contains("bearer-jwt");
    assertThat(document.body()).doesNotContain("\"caller\"");
  }

  private static HttpRequest.BodyPublisher chunked(String body) {
    return HttpRequest.BodyPublishers.ofInputStream(
        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }
}
