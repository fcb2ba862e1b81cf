package org.storybank.evaluation.web;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.storybank.evaluation.analysis.StoryAnalyser;
import org.storybank.rubric.RubricCatalog;

@WebMvcTest(EvaluationPreviewController.class)
class EvaluationPreviewControllerTest {

  @TestConfiguration
  static class Analyser {
    @Bean
    StoryAnalyser storyAnalyser() {
      return new StoryAnalyser(RubricCatalog.load());
    }
  }

  private static final String MARTYR =
      """
      {"principle":"ownership","level":"senior","prompt":"Tell me about a time you took ownership",
       "situation":"I led a feature with a tight deadline.","task":"I had to hit the date.",
       "action":"I worked extra hours over the weekend and made sure the team was unblocked.",
       "result":"We shipped on time."}
      """;

  @Autowired MockMvc mvc;

  private static JwtRequestPostProcessor candidate() {
    return jwt().jwt(token -> token.subject("candidate-1").claim("role", "candidate"));
  }

  private ResultActions preview(String body) throws Exception {
    return mvc.perform(
        post("/api/evaluations/preview")
            .with(candidate())
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  @Test
  void judgesAnUnsavedStoryInTheShapeOfTheOfflineEvaluator() throws Exception {
    preview(MARTYR)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value("preview"))
        .andExpect(jsonPath("$.principle").value("ownership"))
        .andExpect(jsonPath("$.level").value("senior"))
        .andExpect(jsonPath("$.meetsBar").value(false))
        .andExpect(jsonPath("$.verdict").value("weak"))
        .andExpect(jsonPath("$.pitfalls[*].id", hasItem("martyrdom")))
        .andExpect(jsonPath("$.pitfalls[0].advice").isString())
        .andExpect(jsonPath("$.criteria[0].score").isNumber())
        .andExpect(jsonPath("$.followUps").isArray())
        .andExpect(
            jsonPath("$.rubricVersion", matchesPattern("2026\\.11-[0-9a-f]{8}(\\+[0-9a-f]{8})?")));
  }

  @Test
  void anEmptyStarFieldIsJudgedNotRefused() throws Exception {
    preview(
            """
            {"principle":"dive-deep","level":"mid","situation":"","task":"","action":"","result":""}
            """)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.pitfalls[*].id", hasItem("missing-star-part")));
  }

  @Test
  void badInputNamesTheFieldAndTheRule() throws Exception {
    preview(MARTYR.replace("\"ownership\"", "\"bravery\""))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.field").value("principle"));
    preview(MARTYR.replace("\"senior\"", "\"principal\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("level"));
    preview(MARTYR.replace("\"We shipped on time.\"", "42"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("result"))
        .andExpect(jsonPath("$.rule").value("must be a string"));
    preview("{\"principle\":\"ownership\",\"level\":\"mid\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("situation"))
        .andExpect(jsonPath("$.rule").value("is required"));
    preview(MARTYR.replace("We shipped on time.", "x".repeat(8_001)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("result"));
    preview("[1, 2]")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("body"));
    preview("{\"principle\": ").andExpect(status().isBadRequest());
  }

  @Test
  void anUnknownFieldIsNamedNotIgnored() throws Exception {
    preview(MARTYR.replace("\"level\"", "\"company\":\"Acme\",\"level\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("company"))
        .andExpect(jsonPath("$.rule").value("is not a known field"));
  }

  @Test
  void needsAToken() throws Exception {
    mvc.perform(
            post("/api/evaluations/preview")
                .contentType(MediaType.APPLICATION_JSON)
                .content(MARTYR))
        .andExpect(status().isUnauthorized());
  }
}
