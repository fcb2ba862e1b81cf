package org.storybank.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
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

  private static MockHttpServletRequest request(
      String method, String pattern, Map<String, String> variables) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, pattern);
    request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, pattern);
    request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, variables);
    return request;
  }
}
