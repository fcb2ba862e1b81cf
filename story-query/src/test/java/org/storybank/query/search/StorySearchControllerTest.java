package org.storybank.query.search;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.storybank.rubric.RubricCatalog;

@WebMvcTest(StorySearchController.class)
class StorySearchControllerTest {

  @TestConfiguration
  static class Parts {
    @Bean
    StoryQueryParser storyQueryParser() {
      return new StoryQueryParser(RubricCatalog.load());
    }
  }

  @Autowired MockMvc mvc;
  @MockitoBean StorySearch search;
  @MockitoBean org.storybank.security.audit.AuditTrail audit;

  @Test
  void theScopeComesFromTheTokenAndTheFiltersFromTheQuery() throws Exception {
    when(search.search(any(), any())).thenReturn(SearchResult.empty(0));

    mvc.perform(
            get("/api/search/stories")
                .param("q", "disagreed with my manager")
                .param("principle", "have-backbone")
                .param("candidateId", "bob")
                .with(
                    jwt()
                        .jwt(
                            token ->
                                token
                                    .subject("alice")
                                    .claim("role", "candidate")
                                    .claim("cohorts", List.of("c1")))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(0));

    verify(search)
        .search(
            eq(new SearchScope.OwnStories("alice")),
            org.mockito.ArgumentMatchers.argThat(
                query ->
                    query.principle().equals("have-backbone")
                        && query.candidateId().equals("bob")
                        && query.text().equals("disagreed with my manager")));
  }

  @Test
  void aBadParameterIsNamedWith400() throws Exception {
    mvc.perform(get("/api/search/stories").param("verdict", "great").with(candidate()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("verdict"))
        .andExpect(jsonPath("$.detail").value("verdict 'great' is not one of mixed, strong, weak"));
    mvc.perform(get("/api/search/stories").param("q", "x".repeat(501)).with(candidate()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("q"));
  }

  @Test
  void searchWhileElasticsearchIsUnreachableAnswers503WithRetryAfter() throws Exception {
    when(search.search(any(), any()))
        .thenThrow(
            new UncheckedIOException(
                "search is unavailable: cannot reach Elasticsearch",
                new ConnectException("Connection refused")));

    mvc.perform(get("/api/search/stories").param("q", "owned a problem").with(candidate()))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.status").value(503))
        .andExpect(
            jsonPath("$.detail")
                .value("the search index cannot be reached now; try again in a few seconds"));
  }

  @Test
  void noTokenIsUnauthorized() throws Exception {
    mvc.perform(get("/api/search/stories").param("q", "x")).andExpect(status().isUnauthorized());
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor candidate() {
    return jwt()
        .jwt(
            token -> token.subject("alice").claim("role", "candidate").claim("cohorts", List.of()));
  }
}
