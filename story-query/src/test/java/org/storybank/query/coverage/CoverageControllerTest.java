package org.storybank.query.coverage;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.storybank.query.access.CandidateAccess;
import org.storybank.query.indexing.MembershipsIndex;
import org.storybank.query.indexing.StoriesIndex;
import org.storybank.query.semantic.PromptPrinciples;
import org.storybank.rubric.RubricCatalog;

@WebMvcTest(CoverageController.class)
class CoverageControllerTest {

  @TestConfiguration
  static class Parts {
    @Bean
    RubricCatalog rubricCatalog() {
      return RubricCatalog.load();
    }

    @Bean
    CandidateAccess candidateAccess(MembershipsIndex memberships) {
      return new CandidateAccess(memberships);
    }
  }

  @Autowired MockMvc mvc;
  @MockitoBean StoriesIndex stories;
  @MockitoBean MembershipsIndex memberships;
  @MockitoBean PromptPrinciples promptPrinciples;

  @Test
  void aCandidateSeesTheirOwnCoverage() throws Exception {
    when(stories.storiesOf("alice")).thenReturn(List.of());

    mvc.perform(get("/api/candidates/alice/coverage").with(caller("alice", "candidate", "c1")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.candidateId").value("alice"))
        .andExpect(jsonPath("$.principles.length()").value(16))
        .andExpect(jsonPath("$.gaps.length()").value(16));
  }

  @Test
  void theCoachOfTheCandidatesCohortDoesOthersDoNot() throws Exception {
    when(memberships.cohortOf("alice")).thenReturn(Optional.of("c1"));
    when(stories.storiesOf("alice")).thenReturn(List.of());

    mvc.perform(get("/api/candidates/alice/coverage").with(caller("coach-1", "coach", "c1")))
        .andExpect(status().isOk());
    for (RequestPostProcessor outsider :
        List.of(
            caller("coach-2", "coach", "c2"),
            caller("bob", "candidate", "c1"),
            caller("admin", "admin", "c1"))) {
      mvc.perform(get("/api/candidates/alice/coverage").with(outsider))
          .andExpect(status().isNotFound());
    }
  }

  @Test
  void aCandidateTheViewDoesNotKnowIsNotFoundForACoach() throws Exception {
    when(memberships.cohortOf(anyString())).thenReturn(Optional.empty());

    mvc.perform(get("/api/candidates/nobody/coverage").with(caller("coach-1", "coach", "c1")))
        .andExpect(status().isNotFound());
    verify(stories, never()).storiesOf(anyString());
  }

  private static RequestPostProcessor caller(String id, String role, String cohort) {
    return jwt()
        .jwt(token -> token.subject(id).claim("role", role).claim("cohorts", List.of(cohort)));
  }
}
