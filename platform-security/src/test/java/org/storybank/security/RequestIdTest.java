package org.storybank.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdTest {

  private final RequestId filter = new RequestId();

  record Seen(String mdc, String header, boolean listed) {}

  private Seen pass(MockHttpServletRequest request, MockHttpServletResponse response)
      throws Exception {
    AtomicReference<Seen> seen = new AtomicReference<>();
    MockFilterChain chain =
        new MockFilterChain() {
          @Override
          public void doFilter(
              jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
            HttpServletRequest http = (HttpServletRequest) req;
            seen.set(
                new Seen(
                    MDC.get(RequestId.MDC_KEY),
                    http.getHeader("x-request-id"),
                    Collections.list(http.getHeaderNames()).stream()
                        .anyMatch(RequestId.HEADER::equalsIgnoreCase)));
          }
        };
    filter.doFilter(request, response, chain);
    return seen.get();
  }

  @Test
  void aWellFormedIncomingIdIsKeptLoggedAndEchoed() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/stories/1");
    request.addHeader(RequestId.HEADER, "req-42.abc");
    MockHttpServletResponse response = new MockHttpServletResponse();

    Seen seen = pass(request, response);

    assertThat(seen).isEqualTo(new Seen("req-42.abc", "req-42.abc", true));
    assertThat(response.getHeader(RequestId.HEADER)).isEqualTo("req-42.abc");
    assertThat(MDC.get(RequestId.MDC_KEY)).as("cleared after the request").isNull();
  }

  @Test
  void aMissingIdIsCreatedAndAddedToTheRequestForwarded() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    Seen seen = pass(new MockHttpServletRequest("POST", "/api/stories"), response);

    String id = response.getHeader(RequestId.HEADER);
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(seen).isEqualTo(new Seen(id, id, true));
  }

  @Test
  void aMalformedIdIsReplacedNotForwarded() throws Exception {
    for (String bad : new String[] {"", "with space", "<script>", "x".repeat(129), "a\u0000b"}) {
      MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
      request.addHeader(RequestId.HEADER, bad);
      MockHttpServletResponse response = new MockHttpServletResponse();

      Seen seen = pass(request, response);

      String id = response.getHeader(RequestId.HEADER);
      assertThat(id).as("for %s", bad).isNotEqualTo(bad).matches("[0-9a-f-]{36}");
      assertThat(seen.header()).isEqualTo(id);
      assertThat(seen.mdc()).isEqualTo(id);
    }
  }

  @Test
  void logLinesCarryTheRequestIdUnlessAServiceSetsItsOwnPattern() {
    MockEnvironment environment = new MockEnvironment();
    new RequestIdLogging().postProcessEnvironment(environment, new SpringApplication());
    assertThat(environment.getProperty("logging.pattern.level")).isEqualTo("%5p [%X{requestId:-}]");

    MockEnvironment own = new MockEnvironment().withProperty("logging.pattern.level", "%p");
    new RequestIdLogging().postProcessEnvironment(own, new SpringApplication());
    assertThat(own.getProperty("logging.pattern.level")).isEqualTo("%p");
  }
}
