package org.storybank.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.storybank.gateway.support.FakeService;

/**
 * A cohort's coach must be an account with the coach role: the gateway checks it before routing the
 * admin's request to story-command (here a stand-in that records what reached it).
 */
class CoachAssignmentCheckTest extends GatewayOverHttp {

  static final FakeService COMMAND = new FakeService();

  @DynamicPropertySource
  static void command(DynamicPropertyRegistry registry) {
    registry.add("STORYBANK_COMMAND_URL", COMMAND::url);
  }

  @AfterAll
  static void stop() {
    COMMAND.close();
  }

  @Test
  void aCandidatesIdOrAnIdThatIsNoAccountIsRefusedAndNeverRouted() {
    String admin = accessToken("admin@demo.storybank");
    String candidate = userIdOf(accessToken("candidate1@demo.storybank"));
    int before = COMMAND.received().size();

    for (String notACoach :
        new String[] {candidate, "00000000-0000-0000-0000-000000000000", userIdOf(admin)}) {
      ResponseEntity<JsonNode> assign =
          send(HttpMethod.PUT, "/api/cohorts/cohort-1/coach", admin, Map.of("coachId", notACoach));
      assertThat(assign.getStatusCode().value()).as(notACoach).isEqualTo(400);
      assertThat(
              assign
                  .getHeaders()
                  .getContentType()
                  .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .isTrue();
      assertThat(assign.getBody().get("field").asText()).isEqualTo("coachId");

      ResponseEntity<JsonNode> create =
          send(
              HttpMethod.POST,
              "/api/cohorts",
              admin,
              Map.of("id", "eastbrook", "name", "Eastbrook", "coachId", notACoach));
      assertThat(create.getStatusCode().value()).as(notACoach).isEqualTo(400);
      assertThat(create.getBody().get("field").asText()).isEqualTo("coachId");
    }
    assertThat(COMMAND.received()).hasSize(before);
  }

  @Test
  void aCoachsIdIsRoutedWithTheBodyIntact() {
    String admin = accessToken("admin@demo.storybank");
    String coach = userIdOf(accessToken("coach2@demo.storybank"));

    ResponseEntity<JsonNode> assign =
        send(HttpMethod.PUT, "/api/cohorts/cohort-1/coach", admin, Map.of("coachId", coach));

    assertThat(assign.getStatusCode().value()).isEqualTo(200);
    FakeService.Received routed = COMMAND.received().getLast();
    assertThat(routed.path()).isEqualTo("/api/cohorts/cohort-1/coach");
    assertThat(routed.body()).isEqualTo("{\"coachId\":\"" + coach + "\"}");
  }

  @Test
  void anotherCallersRequestIsRoutedUncheckedSoTheyLearnNothingOfWhoIsACoach() {
    String coach = accessToken("coach1@demo.storybank");
    int before = COMMAND.received().size();

    ResponseEntity<JsonNode> assign =
        send(
            HttpMethod.PUT,
            "/api/cohorts/cohort-1/coach",
            coach,
            Map.of("coachId", "00000000-0000-0000-0000-000000000000"));

    assertThat(assign.getStatusCode().value()).isEqualTo(200);
    assertThat(COMMAND.received()).hasSize(before + 1);
  }

  private String accessToken(String email) {
    return login(email, PASSWORD).getBody().get("accessToken").asText();
  }

  private String userIdOf(String accessToken) {
    return me(accessToken).getBody().get("userId").asText();
  }

  private ResponseEntity<JsonNode> send(
      HttpMethod method, String path, String token, Map<String, String> body) {
    return http.exchange(path, method, new HttpEntity<>(body, bearer(token)), JsonNode.class);
  }
}
