package org.storybank.evaluation.web;

import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;
import org.storybank.rubric.RubricCatalog;

@WebMvcTest(RubricController.class)
class RubricControllerTest {

  @TestConfiguration
  static class Catalog {
    @Bean
    RubricCatalog rubricCatalog() {
      return RubricCatalog.load();
    }
  }

  @Autowired MockMvc mvc;

  @Test
  void servesTheCatalogWithItsVersion() throws Exception {
    mvc.perform(get("/api/rubrics").with(jwt()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rubricVersion", matchesPattern("2026\\.11-[0-9a-f]{8}")))
        .andExpect(jsonPath("$.principleIds", hasSize(16)))
        .andExpect(jsonPath("$.levelIds", hasItems("entry", "mid", "senior", "staff")))
        .andExpect(jsonPath("$.pitfalls", hasSize(12)))
        .andExpect(jsonPath("$.principles[1].id").value("ownership"))
        .andExpect(jsonPath("$.principles[1].criteria[0].descriptors.4").isString())
        .andExpect(jsonPath("$.principles[1].levels.staff").isString());
  }

  @Test
  void needsAToken() throws Exception {
    mvc.perform(get("/api/rubrics")).andExpect(status().isUnauthorized());
  }
}
