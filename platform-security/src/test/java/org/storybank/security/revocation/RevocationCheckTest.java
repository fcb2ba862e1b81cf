package org.storybank.security.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class RevocationCheckTest {

  private final List<Revocation> table = new ArrayList<>();
  private boolean databaseDown;
  private final RevocationList list =
      new RevocationList(
          () -> {
            if (databaseDown) {
              throw new IllegalStateException("down");
            }
            return List.copyOf(table);
          },
          Clock.systemUTC(),
          Duration.ofSeconds(2),
          Duration.ofSeconds(60));
  private final RevocationCheck check = new RevocationCheck(list);

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void aRevokedTokenIsRefusedWith401AsProblemJsonAndGoesNoFurther() throws Exception {
    Instant issued = Instant.now().minusSeconds(10);
    table.add(new Revocation("u1", null, null, Instant.now()));
    list.refresh();
    signedIn(RevocationListTest.token("u1", "s1", List.of("c1"), issued));

    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    check.doFilter(new MockHttpServletRequest("GET", "/api/stories/x"), response, chain);

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString()).contains("revoked").doesNotContain("Exception");
    assertThat(response.getHeader("WWW-Authenticate")).contains("invalid_token");
    assertThat(chain.getRequest()).as("not passed on").isNull();
  }

  @Test
  void aValidTokenAndAnAnonymousCallPassThrough() throws Exception {
    list.refresh();
    signedIn(RevocationListTest.token("u1", "s1", List.of(), Instant.now()));
    MockFilterChain chain = new MockFilterChain();
    check.doFilter(
        new MockHttpServletRequest("GET", "/api/me"), new MockHttpServletResponse(), chain);
    assertThat(chain.getRequest()).isNotNull();

    SecurityContextHolder.clearContext();
    MockFilterChain anonymous = new MockFilterChain();
    check.doFilter(
        new MockHttpServletRequest("GET", "/actuator/health"),
        new MockHttpServletResponse(),
        anonymous);
    assertThat(anonymous.getRequest()).isNotNull();
  }

  @Test
  void withoutAListToTrustTheAnswerIs503WithRetryAfter() throws Exception {
    databaseDown = true;
    list.refresh();
    signedIn(RevocationListTest.token("u1", "s1", List.of(), Instant.now()));

    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    check.doFilter(new MockHttpServletRequest("GET", "/api/me"), response, chain);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(chain.getRequest()).isNull();
  }

  private static void signedIn(Jwt token) {
    SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token));
  }
}
