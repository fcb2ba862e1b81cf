package org.storybank.command.cohort;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(CohortController.class)
class CohortControllerTest {

  @Autowired private MockMvc mvc;
  @MockitoBean private CommandGateway commands;
  @MockitoBean private CohortMembershipView membership;

  @Test
  void aCohortIdThatIsTakenAnswers409NamingTheId() throws Exception {
    when(commands.sendAndWait(any()))
        .thenThrow(new AggregateStreamCreationException("cohort-1 exists"));
    mvc.perform(
            post("/api/cohorts")
                .with(jwt().jwt(token -> token.subject("admin-1").claim("role", "admin")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"id\":\"cohort-1\",\"name\":\"Northwind\"}"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.field").value("id"));
  }
}
