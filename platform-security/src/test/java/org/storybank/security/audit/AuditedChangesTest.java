package org.storybank.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.storybank.security.Caller;
import org.storybank.security.Role;

/** Which story, object and owner a change names, read from its route. */
class AuditedChangesTest {

  private static final Caller COACH = new Caller("coach-1", Role.COACH, List.of("c1"));
  private static final Caller CANDIDATE = new Caller("cand-1", Role.CANDIDATE, List.of("c1"));
  private static final Caller ADMIN = new Caller("admin-1", Role.ADMIN, List.of());

  private final AuditedChanges changes =
      new AuditedChanges(null, Optional.of(storyId -> Optional.of("author-of-" + storyId)));

  @Test
  void aCoachsCommentBelongsToTheStorysAuthor() {
    AuditEntry entry =
        changes.entry(
            request("POST", "/api/stories/{storyId}/comments", Map.of("storyId", "s1")),
            new MockHttpServletResponse(),
            COACH);

    assertThat(entry)
        .isEqualTo(
            new AuditEntry("POST /api/stories/{storyId}/comments", "s1", null, "author-of-s1"));
  }

  @Test
  void aNewStoryIsNamedByItsLocationAndIsTheCandidatesOwn() {
    MockHttpServletResponse response = new MockHttpServletResponse();
    response.setHeader("Location", "/api/stories/new-story");
    AuditEntry entry =
        new AuditedChanges(null, Optional.empty())
            .entry(request("POST", "/api/stories", Map.of()), response, CANDIDATE);

    assertThat(entry).isEqualTo(new AuditEntry("POST /api/stories", "new-story", null, "cand-1"));
  }

  @Test
  void aRemovedCandidateOrALockedAccountIsTheOwner() {
    assertThat(
            changes.entry(
                request(
                    "DELETE",
                    "/api/cohorts/{cohortId}/candidates/{candidateId}",
                    Map.of("cohortId", "c1", "candidateId", "cand-9")),
                new MockHttpServletResponse(),
                COACH))
        .extracting(AuditEntry::ownerId)
        .isEqualTo("cand-9");
    assertThat(
            changes.entry(
                request("POST", "/api/admin/accounts/{userId}/lock", Map.of("userId", "cand-7")),
                new MockHttpServletResponse(),
                ADMIN))
        .isEqualTo(
            new AuditEntry("POST /api/admin/accounts/{userId}/lock", null, "cand-7", "cand-7"));
  }

  @Test
  void aStatelessPostIsLeftOffAndAWriteIsRecorded() throws Exception {
    AtomicInteger writes = new AtomicInteger();
    DataSource database =
        (DataSource)
            Proxy.newProxyInstance(
                DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                  writes.incrementAndGet();
                  throw new SQLException("no database here");
                });
    AuditedChanges recorder =
        new AuditedChanges(new AuditTrail(database, "test"), Optional.empty());
    SecurityContextHolder.getContext()
        .setAuthentication(
            new JwtAuthenticationToken(
                Jwt.withTokenValue("t")
                    .header("alg", "RS256")
                    .subject("cand-1")
                    .claim("role", "candidate")
                    .build()));
    try {
      MockHttpServletRequest request = request("POST", "/api/anything", Map.of());
      recorder.afterCompletion(request, new MockHttpServletResponse(), handler("preview"), null);
      assertThat(writes).as("a @NotAChange handler").hasValue(0);

      recorder.afterCompletion(request, new MockHttpServletResponse(), handler("write"), null);
      assertThat(writes).as("a write, its failure logged").hasValue(1);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static HandlerMethod handler(String name) throws NoSuchMethodException {
    return new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(name));
  }

  static class Handlers {
    @NotAChange
    void preview() {}

    void write() {}
  }

  private static MockHttpServletRequest request(
      String method, String pattern, Map<String, String> variables) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, pattern);
    request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, pattern);
    request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, variables);
    return request;
  }
}
