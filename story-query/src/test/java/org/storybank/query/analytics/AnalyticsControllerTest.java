package org.storybank.query.analytics;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest(AnalyticsController.class)
class AnalyticsControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean PitfallTrends pitfallTrends;
  @MockitoBean CohortOverviews overviews;
  @MockitoBean ReviewQueue reviewQueue;
  @MockitoBean org.storybank.security.audit.AuditTrail audit;

  @Test
  void aCoachSeesTheirCohortsPitfalls() throws Exception {
    when(pitfallTrends.of("cohort-1"))
        .thenReturn(List.of(new PitfallTrend("we-not-i", 2, 0.5, List.of(), "flat")));

    mvc.perform(get("/api/analytics/cohorts/cohort-1/pitfalls").with(caller("coach", "cohort-1")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].pitfall").value("we-not-i"))
        .andExpect(jsonPath("$[0].stories").value(2))
        .andExpect(jsonPath("$[0].share").value(0.5));
  }

  @Test
  void anotherCohortsCoachACandidateAndAnAdminGetNotFound() throws Exception {
    for (RequestPostProcessor outsider :
        List.of(
            caller("coach", "cohort-2"),
            caller("candidate", "cohort-1"),
            caller("admin", "cohort-1"))) {
      mvc.perform(get("/api/analytics/cohorts/cohort-1/pitfalls").with(outsider))
          .andExpect(status().isNotFound());
      mvc.perform(get("/api/analytics/cohorts/cohort-1/overview").with(outsider))
          .andExpect(status().isNotFound());
      mvc.perform(get("/api/analytics/cohorts/cohort-1/review-queue").with(outsider))
          .andExpect(status().isNotFound());
    }
    verify(pitfallTrends, never()).of(anyString());
    verify(overviews, never()).of(anyString());
    verify(reviewQueue, never()).of(anyString(), anyString());
  }

  @Test
  void aCoachsReviewQueueIsAskedForInTheirOwnName() throws Exception {
    when(reviewQueue.of("cohort-1", "coach-1"))
        .thenReturn(
            List.of(
                new ReviewQueue.Item(
                    "s1",
                    "A story",
                    "alice",
                    List.of("ownership"),
                    "mid",
                    2,
                    java.time.Instant.parse("2026-11-20T10:00:00Z"),
                    61,
                    "mixed",
                    1,
                    null)));

    mvc.perform(
            get("/api/analytics/cohorts/cohort-1/review-queue").with(caller("coach", "cohort-1")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].storyId").value("s1"))
        .andExpect(jsonPath("$[0].revision").value(2))
        .andExpect(jsonPath("$[0].reviewedRevision").value(1));
  }

  @Test
  void noTokenIsUnauthorized() throws Exception {
    mvc.perform(get("/api/analytics/cohorts/cohort-1/pitfalls"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void analyticsWhileElasticsearchIsUnreachableAnswer503WithRetryAfter() throws Exception {
    when(pitfallTrends.of("cohort-1"))
        .thenThrow(
            new UncheckedIOException(
                "analytics are unavailable: cannot reach Elasticsearch",
                new ConnectException("Connection refused")));

    mvc.perform(get("/api/analytics/cohorts/cohort-1/pitfalls").with(caller("coach", "cohort-1")))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.status").value(503));
  }

  private static RequestPostProcessor caller(String role, String cohort) {
    return jwt()
        .jwt(
            token ->
                token.subject(role + "-1").claim("role", role).claim("cohorts", List.of(cohort)));
  }
}
