package org.storybank.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every page and asset of the web app is public (it holds no data), served with the pages' strict
 * Content-Security-Policy, and none of it runs inline script; everything else stays the API's: a
 * token or 401, and the API's own policy.
 */
class WebAppPagesTest extends GatewayOverHttp {

  private static final Path STATIC = Path.of("src/main/resources/static");
  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern INLINE_HANDLER_OR_STYLE =
      Pattern.compile("\\s(on[a-z]+|style)\\s*=", Pattern.CASE_INSENSITIVE);

  @Test
  void theSignInPageIsTheRootWithEmailAndPassword() {
    ResponseEntity<String> page = http.getForEntity("/", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getBody()).contains("name=\"email\"", "name=\"password\"");
    assertPagePolicy(page.getHeaders());
  }

  @Test
  void everyPageAndAssetIsServedWithoutATokenUnderThePagePolicy() throws IOException {
    List<String> files = staticFiles();
    assertThat(files)
        .contains(
            "/index.html",
            "/stories.html",
            "/edit.html",
            "/coverage.html",
            "/history.html",
            "/invitations.html",
            "/admin.html",
            "/app/api.js",
            "/app/worddiff.js");
    for (String file : files) {
      ResponseEntity<String> answer = http.getForEntity(file, String.class);
      assertThat(answer.getStatusCode().value()).as(file).isEqualTo(200);
      assertPagePolicy(answer.getHeaders());
      if (file.endsWith(".html")) {
        assertThat(INLINE_SCRIPT.matcher(answer.getBody()).find())
            .as("inline script in %s", file)
            .isFalse();
        assertThat(INLINE_HANDLER_OR_STYLE.matcher(answer.getBody()).find())
            .as("inline handler or style attribute in %s", file)
            .isFalse();
      }
      if (file.endsWith(".js")) {
        assertThat(answer.getHeaders().getContentType().toString()).contains("javascript");
        assertThat(answer.getBody())
            .as("%s builds markup from strings", file)
            .doesNotContain(".innerHTML", "insertAdjacentHTML", "document.write", "eval(");
      }
    }
  }

  @Test
  void theChartLibraryComesFromItsWebJarNotACdn() {
    ResponseEntity<String> echarts =
        http.getForEntity("/webjars/echarts/5.3.1/dist/echarts.esm.min.js", String.class);
    assertThat(echarts.getStatusCode().value()).isEqualTo(200);
    assertPagePolicy(echarts.getHeaders());
    assertThat(http.getForEntity("/cohort.html", String.class).getBody())
        .doesNotContain("https://", "http://");
  }

  @Test
  void pagesTakeNoWritesAndTheApiStillNeedsAToken() {
    ResponseEntity<String> posted =
        http.exchange(
            "/index.html", HttpMethod.POST, new HttpEntity<>("x", new HttpHeaders()), String.class);
    assertThat(posted.getStatusCode().value()).isIn(401, 403, 405);

    ResponseEntity<String> me = http.getForEntity("/api/me", String.class);
    assertThat(me.getStatusCode().value()).isEqualTo(401);
    assertThat(me.getHeaders().getFirst("Content-Security-Policy"))
        .contains("default-src 'none'")
        .doesNotContain("script-src");
    assertThat(http.getForEntity("/not-a-page", String.class).getStatusCode().value())
        .as("paths outside the app are the API's")
        .isEqualTo(401);
    assertThat(http.getForEntity("/app/../api/me", String.class).getStatusCode().value())
        .isIn(400, 401, 404);
  }

  private static void assertPagePolicy(HttpHeaders headers) {
    String policy = headers.getFirst("Content-Security-Policy");
    assertThat(policy)
        .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval", "*");
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(headers.getFirst("Set-Cookie")).as("the app sets no cookie").isNull();
  }

  private static List<String> staticFiles() throws IOException {
    try (Stream<Path> paths = Files.walk(STATIC)) {
      return paths
          .filter(Files::isRegularFile)
          .map(path -> "/" + STATIC.relativize(path).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }
}
