package org.storybank.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.storybank.gateway.support.FakeService;

/**
 * Registration over HTTP, with story-command's enrollment stood in for: it never tells which emails
 * have accounts, holds passwords to what bcrypt can hash and to a strength estimate, and answers
 * bad text and lost races with a 4xx, never a 500.
 */
class RegistrationFlowTest extends GatewayOverHttp {

  static final String ENROLLMENTS = "/api/cohorts/enrollments";
  static final FakeService COMMAND =
      new FakeService().answering(ENROLLMENTS, "{\"cohortId\":\"registration-flow\"}");
  static final String STRONG = "plum lantern orbit 47 quietly";

  @DynamicPropertySource
  static void command(DynamicPropertyRegistry registry) {
    registry.add("STORYBANK_COMMAND_URL", COMMAND::url);
  }

  @AfterAll
  static void stop() {
    COMMAND.close();
  }

  private ResponseEntity<JsonNode> register(String email, String password, String name) {
    return http.postForEntity(
        "/api/auth/register",
        Map.of(
            "invitationCode",
            "registration-flow.code",
            "email",
            email,
            "password",
            password,
            "name",
            name),
        JsonNode.class);
  }

  private static String newEmail() {
    return "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  @Test
  void aTakenEmailReadsExactlyLikeARefusedCode() {
    ResponseEntity<JsonNode> taken = register("candidate1@demo.storybank", STRONG, "Someone");
    COMMAND.status(ENROLLMENTS, 400);
    ResponseEntity<JsonNode> refusedCode;
    try {
      refusedCode = register(newEmail(), STRONG, "Someone");
    } finally {
      COMMAND.status(ENROLLMENTS, 200);
    }

    assertThat(taken.getStatusCode().value()).isEqualTo(400);
    assertThat(taken.getBody().get("field").asText()).isEqualTo("invitationCode");
    assertThat(refusedCode.getStatusCode()).isEqualTo(taken.getStatusCode());
    assertThat(refusedCode.getBody().get("detail")).isEqualTo(taken.getBody().get("detail"));
    assertThat(refusedCode.getBody().get("field")).isEqualTo(taken.getBody().get("field"));
  }

  @Test
  void aPasswordIsHeldToBcryptsBytesAndToStrength() {
    ResponseEntity<JsonNode> accented = register(newEmail(), "é".repeat(40), "Someone");
    assertThat(accented.getStatusCode().value()).as("40 characters, 80 bytes").isEqualTo(400);
    assertThat(accented.getBody().get("field").asText()).isEqualTo("password");
    assertThat(accented.getBody().get("detail").asText()).contains("72 bytes");

    for (String weak : List.of("aaaaaaaaaaaa", "password1234", "qwertyuiopas", "123456789012")) {
      ResponseEntity<JsonNode> refused = register(newEmail(), weak, "Someone");
      assertThat(refused.getStatusCode().value()).as(weak).isEqualTo(400);
      assertThat(refused.getBody().get("detail").asText()).contains("too easy to guess");
    }

    String email = newEmail();
    assertThat(register(email, STRONG, "Someone").getStatusCode().value()).isEqualTo(201);
    assertThat(login(email, STRONG).getStatusCode().value()).isEqualTo(200);
    assertThat(login(email, STRONG + "x".repeat(80)).getStatusCode().value())
        .as("a password beyond bcrypt's reach matches nothing, and is no 500")
        .isEqualTo(401);
  }

  @Test
  void controlCharactersInNameOrEmailAre400() {
    ResponseEntity<JsonNode> name = register(newEmail(), STRONG, "Null\u0000Name");
    assertThat(name.getStatusCode().value()).isEqualTo(400);
    assertThat(name.getBody().get("field").asText()).isEqualTo("name");

    ResponseEntity<JsonNode> email = register("nul\u0000@example.org", STRONG, "Someone");
    assertThat(email.getStatusCode().value()).isEqualTo(400);
    assertThat(email.getBody().get("field").asText()).isEqualTo("email");

    assertThat(login("nul\u0000@example.org", STRONG).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void registrationsRacingForOneEmailEndInOneAccountAndCleanRefusals() throws Exception {
    String email = newEmail();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Integer>> attempts = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        attempts.add(() -> register(email, STRONG, "Racer").getStatusCode().value());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : pool.invokeAll(attempts)) {
        statuses.add(answer.get());
      }
      assertThat(statuses).containsOnly(201, 400);
      assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
