package org.storybank.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.storybank.api.Level;
import org.storybank.api.story.DraftStory;
import org.storybank.api.story.StoryCommands.ReviseStory;
import org.storybank.command.history.StoryReader;
import org.storybank.command.story.StoryNotFound;
import org.storybank.command.story.StoryRuleViolation;

@WebMvcTest(StoryCommandController.class)
class StoryCommandControllerTest {

  private static final String BODY =
      """
      {"title":"Queue nobody owned","principles":["ownership"],"prompts":["Tell me about a time"],
       "level":"senior","situation":"s","task":"t","action":"a","result":"r"}
      """;

  @Autowired private MockMvc mvc;
  @MockitoBean private CommandGateway commands;
  @MockitoBean private StoryReader reader;

  @Test
  void aCandidateDraftsAStoryAuthoredByThemselvesInTheirCohort() throws Exception {
    mvc.perform(
            post("/api/stories")
                .with(caller("u-42", "candidate", "cohort-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(BODY))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.id").isString())
        .andExpect(jsonPath("$.version").value(0));

    ArgumentCaptor<DraftStory> sent = ArgumentCaptor.forClass(DraftStory.class);
    verify(commands).sendAndWait(sent.capture());
    assertThat(sent.getValue().actor().userId()).isEqualTo("u-42");
    assertThat(sent.getValue().cohortId()).isEqualTo("cohort-1");
    assertThat(sent.getValue().level()).isEqualTo(Level.SENIOR);
    assertThat(sent.getValue().principles()).containsExactly("ownership");
    assertThat(sent.getValue().star().action()).isEqualTo("a");
  }

  @Test
  void anAuthorIdInTheBodyIsRefusedNotObeyed() throws Exception {
    String spoofed = BODY.replace("{\"title\"", "{\"authorId\":\"someone-else\",\"title\"");
    mvc.perform(
            post("/api/stories")
                .with(caller("u-42", "candidate", "cohort-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(spoofed))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("authorId"))
        .andExpect(jsonPath("$.rule").value("is not a known field"));
    verify(commands, never()).sendAndWait(any());
  }

  @Test
  void aMisspeltFieldIsNamedNotDropped() throws Exception {
    String misspelt =
        BODY.replace(
            "{\"title\"",
            "{\"confidental\":[{\"field\":\"task\",\"start\":0,\"end\":1}],\"title\"");
    mvc.perform(
            post("/api/stories")
                .with(caller("u-42", "candidate", "cohort-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(misspelt))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("confidental"));
    verify(commands, never()).sendAndWait(any());
  }

  @Test
  void aWrongTypeNamesNoJavaType() throws Exception {
    mvc.perform(
            put("/api/stories/s-1/rating")
                .with(caller("u-42", "candidate", "cohort-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"rating\":\"five\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("rating"))
        .andExpect(jsonPath("$.rule").value("must be a number"))
        .andExpect(
            result ->
                assertThat(result.getResponse().getContentAsString()).doesNotContain("java."));
  }

  @Test
  void aCoachCannotDraftIntoABank() throws Exception {
    mvc.perform(
            post("/api/stories")
                .with(caller("c-1", "coach", "cohort-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(BODY))
        .andExpect(status().isForbidden());
    verify(commands, never()).sendAndWait(any());
  }

  @Test
  void withoutATokenTheAnswerIs401() throws Exception {
    mvc.perform(post("/api/stories").contentType(MediaType.APPLICATION_JSON).content(BODY))
        .andExpect(status().isUnauthorized());
    verify(commands, never()).sendAndWait(any());
  }

  @Test
  void anUnknownLevelIs400NamingTheField() throws Exception {
    mvc.perform(
            post("/api/stories")
                .with(caller("u-42", "candidate", "cohort-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(BODY.replace("\"senior\"", "\"principal\"")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("level"));
    verify(commands, never()).sendAndWait(any());
  }

  @Test
  void aBrokenRuleIs400NamingTheFieldAndTheRule() throws Exception {
    when(commands.sendAndWait(any()))
        .thenThrow(new StoryRuleViolation("principles", "unknown principle 'synergy'"));
    mvc.perform(
            post("/api/stories")
                .with(caller("u-42", "candidate", "cohort-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(BODY))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("principles"))
        .andExpect(jsonPath("$.rule").value("unknown principle 'synergy'"));
  }

  /** The fuzzer's restore of a drill's id: loading the drill's events as a story was a 500. */
  @Test
  void anotherAggregatesIdIsNoSuchStory() throws Exception {
    when(commands.sendAndWait(any()))
        .thenThrow(
            new org.axonframework.eventsourcing.IncompatibleAggregateException(
                "Aggregate identifier must be non-null after applying an event."));
    mvc.perform(post("/api/stories/drill-1/restore").with(caller("u-42", "candidate", "cohort-1")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("no such story"));
  }

  @Test
  void malformedJsonIs400() throws Exception {
    mvc.perform(
            post("/api/stories")
                .with(caller("u-42", "candidate", "cohort-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("body"));
    verify(commands, never()).sendAndWait(any());
  }

  @Test
  void aWrongTypeIs400NamingTheField() throws Exception {
    mvc.perform(
            post("/api/stories")
                .with(caller("u-42", "candidate", "cohort-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(BODY.replace("\"title\":\"Queue nobody owned\"", "\"title\":{\"a\":1}")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("title"));
    verify(commands, never()).sendAndWait(any());
  }

  @Test
  void aRevisionWithoutIfMatchIs428AndSendsNothing() throws Exception {
    mvc.perform(
            put("/api/stories/s-1")
                .with(caller("u-42", "candidate", "cohort-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(BODY))
        .andExpect(status().isPreconditionRequired());
    verify(commands, never()).sendAndWait(any());
  }

  @Test
  void aCoachsCommentRangeInTheRedactedTextIsStoredAgainstTheClearText() throws Exception {
    // clear "I called Acme Bank and fixed the loop." with "Acme Bank" (9-18) confidential; the
    // coach reads "I called [confidential] and fixed the loop." and points at "the loop" (34-42)
    when(reader.confidentialSpans(eq("s-1"), any()))
        .thenReturn(List.of(new org.storybank.api.story.ConfidentialSpan("action", 9, 18)));
    when(commands.sendAndWait(any())).thenReturn(3L);
    mvc.perform(
            post("/api/stories/s-1/comments")
                .with(caller("coach-1", "coach", "cohort-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"field\":\"action\",\"start\":34,\"end\":42,\"text\":\"which loop?\"}"))
        .andExpect(status().isCreated());
    ArgumentCaptor<org.storybank.api.story.StoryCommands.AddComment> sent =
        ArgumentCaptor.forClass(org.storybank.api.story.StoryCommands.AddComment.class);
    verify(commands).sendAndWait(sent.capture());
    assertThat(sent.getValue().start()).isEqualTo(29);
    assertThat(sent.getValue().end()).isEqualTo(37);
  }

  @Test
  void aRevisionAnswersTheWarningsOfDroppedSpans() throws Exception {
    when(commands.sendAndWait(any()))
        .thenReturn(
            new org.storybank.command.story.RevisionOutcome(
                5L, List.of("the confidential span action 3-9 was dropped")));
    mvc.perform(
            put("/api/stories/s-1")
                .header("If-Match", "4")
                .with(caller("u-42", "candidate", "cohort-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(BODY))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(5))
        .andExpect(jsonPath("$.warnings[0]").value("the confidential span action 3-9 was dropped"));
  }

  @Test
  void aRevisionCarriesTheVersionFromIfMatch() throws Exception {
    when(commands.sendAndWait(any()))
        .thenReturn(new org.storybank.command.story.RevisionOutcome(4L, List.of()));
    mvc.perform(
            put("/api/stories/s-1")
                .header("If-Match", "\"3\"")
                .with(caller("u-42", "candidate", "cohort-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(BODY))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(4));
    ArgumentCaptor<ReviseStory> sent = ArgumentCaptor.forClass(ReviseStory.class);
    verify(commands).sendAndWait(sent.capture());
    assertThat(sent.getValue().expectedVersion()).isEqualTo(3L);
    assertThat(sent.getValue().principles()).containsExactly("ownership");
  }

  @Test
  void aStaleRevisionIs409WithTheCurrentVersion() throws Exception {
    when(commands.sendAndWait(any()))
        .thenThrow(new ConflictingAggregateVersionException("s-1", 3, 5));
    mvc.perform(
            put("/api/stories/s-1")
                .header("If-Match", "3")
                .with(caller("u-42", "candidate", "cohort-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(BODY))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.currentVersion").value(5));
  }

  @Test
  void aConcurrentAppendIs409WithTheVersionInTheEventStore() throws Exception {
    when(commands.sendAndWait(any())).thenThrow(new ConcurrencyException("duplicate key"));
    when(reader.currentVersion("s-1")).thenReturn(7L);
    mvc.perform(
            put("/api/stories/s-1")
                .header("If-Match", "6")
                .with(caller("u-42", "candidate", "cohort-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(BODY))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.currentVersion").value(7));
  }

  @Test
  void aStoryTheCallerMayNotSeeIs404() throws Exception {
    when(commands.sendAndWait(any())).thenThrow(new StoryNotFound("s-1"));
    mvc.perform(post("/api/stories/s-1/archive").with(caller("u-9", "candidate", "cohort-1")))
        .andExpect(status().isNotFound());
  }

  private static JwtRequestPostProcessor caller(String userId, String role, String cohort) {
    return jwt()
        .jwt(token -> token.subject(userId).claim("role", role).claim("cohorts", List.of(cohort)));
  }
}
