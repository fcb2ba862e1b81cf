package org.storybank.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** An admin locks, unlocks and resets accounts; everyone else is refused. Over HTTP. */
class AccountAdministrationFlowTest extends GatewayOverHttp {

  @Test
  void aLockedAccountCannotLogInOrRefreshUntilUnlocked() {
    String admin = accessToken("admin@demo.storybank", PASSWORD);
    JsonNode session = login("candidate4@demo.storybank", PASSWORD).getBody();
    String userId = userIdOf(session.get("accessToken").asText());

    assertThat(call(HttpMethod.POST, "/api/admin/accounts/" + userId + "/lock", admin, null))
        .isEqualTo(204);

    ResponseEntity<JsonNode> refused = login("candidate4@demo.storybank", PASSWORD);
    assertThat(refused.getStatusCode().value()).isEqualTo(423);
    assertThat(refused.getBody().get("detail").asText()).contains("locked");
    assertThat(refused.getBody().has("accessToken")).isFalse();
    assertThat(login("candidate4@demo.storybank", "wrong-password").getStatusCode().value())
        .as("a guesser learns nothing about the lock")
        .isEqualTo(401);
    assertThat(refresh(session.get("refreshToken").asText()).getStatusCode().value())
        .as("the lock revoked the refresh tokens")
        .isEqualTo(401);
    JsonNode listed = accounts(admin);
    assertThat(listed.findParents("userId"))
        .anySatisfy(
            account -> {
              assertThat(account.get("userId").asText()).isEqualTo(userId);
              assertThat(account.get("locked").asBoolean()).isTrue();
            });

    assertThat(call(HttpMethod.DELETE, "/api/admin/accounts/" + userId + "/lock", admin, null))
        .isEqualTo(204);
    assertThat(login("candidate4@demo.storybank", PASSWORD).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void onlyAnAdminManagesAccounts() {
    String coach = accessToken("coach2@demo.storybank", PASSWORD);
    String candidate = accessToken("candidate5@demo.storybank", PASSWORD);
    String target = userIdOf(candidate);
    for (String token : new String[] {coach, candidate}) {
      assertThat(call(HttpMethod.GET, "/api/admin/accounts", token, null)).isEqualTo(403);
      assertThat(call(HttpMethod.POST, "/api/admin/accounts/" + target + "/lock", token, null))
          .isEqualTo(403);
      assertThat(
              call(
                  HttpMethod.POST,
                  "/api/admin/accounts/" + target + "/password-reset",
                  token,
                  null))
          .isEqualTo(403);
      assertThat(call(HttpMethod.POST, "/api/admin/signing-keys", token, null))
          .as("only an admin rotates the signing key")
          .isEqualTo(403);
    }
    assertThat(call(HttpMethod.POST, "/api/admin/accounts/" + target + "/lock", null, null))
        .isEqualTo(401);
    assertThat(login("candidate5@demo.storybank", PASSWORD).getStatusCode().value())
        .as("nothing was locked")
        .isEqualTo(200);
    String admin = accessToken("admin@demo.storybank", PASSWORD);
    assertThat(call(HttpMethod.POST, "/api/admin/accounts/no-such-user/lock", admin, null))
        .isEqualTo(404);
    assertThat(
            call(HttpMethod.POST, "/api/admin/accounts/" + userIdOf(admin) + "/lock", admin, null))
        .as("an admin cannot lock themselves out")
        .isEqualTo(409);
  }

  @Test
  void anAdminListsTheCohortsWithTheirCoachAndSizeAndNobodyElseDoes() {
    String admin = accessToken("admin@demo.storybank", PASSWORD);
    JsonNode cohorts =
        http.exchange(
                "/api/admin/cohorts",
                HttpMethod.GET,
                new HttpEntity<>(bearer(admin)),
                JsonNode.class)
            .getBody();
    String coach1 = userIdOf(accessToken("coach1@demo.storybank", PASSWORD));
    assertThat(cohorts.findParents("id"))
        .anySatisfy(
            cohort -> {
              assertThat(cohort.get("id").asText()).isEqualTo("cohort-1");
              assertThat(cohort.get("name").asText()).isEqualTo("Northwind cohort");
              assertThat(cohort.get("coachId").asText()).isEqualTo(coach1);
              assertThat(cohort.get("candidates").asInt()).isEqualTo(3);
            });

    for (String email : new String[] {"coach1@demo.storybank", "candidate1@demo.storybank"}) {
      ResponseEntity<String> refused =
          http.exchange(
              "/api/admin/cohorts",
              HttpMethod.GET,
              new HttpEntity<>(bearer(accessToken(email, PASSWORD))),
              String.class);
      assertThat(refused.getStatusCode().value()).as(email).isEqualTo(403);
      assertThat(refused.getBody()).as(email).doesNotContain("Northwind");
    }
    assertThat(call(HttpMethod.GET, "/api/admin/cohorts", null, null)).isEqualTo(401);
  }

  @Test
  void aResetCodeSetsANewPasswordOnceAndEndsTheSessions() throws InterruptedException {
    String admin = accessToken("admin@demo.storybank", PASSWORD);
    JsonNode session = login("candidate6@demo.storybank", PASSWORD).getBody();
    String userId = userIdOf(session.get("accessToken").asText());

    ResponseEntity<JsonNode> issued =
        http.exchange(
            "/api/admin/accounts/" + userId + "/password-reset",
            HttpMethod.POST,
            new HttpEntity<>(bearer(admin)),
            JsonNode.class);
    assertThat(issued.getStatusCode().value()).isEqualTo(201);
    String code = issued.getBody().get("code").asText();
    assertThat(issued.getBody().get("expiresAt").asText()).isNotBlank();

    ResponseEntity<JsonNode> tooShort = reset(code, "short");
    assertThat(tooShort.getStatusCode().value()).isEqualTo(400);
    assertThat(tooShort.getBody().get("field").asText()).isEqualTo("newPassword");

    assertThat(reset(code, "a brand new passphrase").getStatusCode().value()).isEqualTo(204);
    ResponseEntity<JsonNode> again = reset(code, "yet another passphrase");
    assertThat(again.getStatusCode().value()).as("a code works once").isEqualTo(400);
    assertThat(again.getBody().get("field").asText()).isEqualTo("code");

    assertThat(login("candidate6@demo.storybank", PASSWORD).getStatusCode().value()).isEqualTo(401);
    assertThat(login("candidate6@demo.storybank", "a brand new passphrase").getStatusCode().value())
        .isEqualTo(200);
    assertThat(refresh(session.get("refreshToken").asText()).getStatusCode().value())
        .as("sessions from before the reset are over")
        .isEqualTo(401);
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(6).toNanos();
    while (me(session.get("accessToken").asText()).getStatusCode().value() == 200
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(me(session.get("accessToken").asText()).getStatusCode().value())
        .as("and so are their access tokens, within seconds")
        .isEqualTo(401);
    assertThat(reset("made-up-code", "a brand new passphrase").getStatusCode().value())
        .isEqualTo(400);
  }

  private ResponseEntity<JsonNode> reset(String code, String newPassword) {
    return http.postForEntity(
        "/api/auth/password-reset",
        Map.of("code", code, "newPassword", newPassword),
        JsonNode.class);
  }

  private JsonNode accounts(String admin) {
    return http.exchange(
            "/api/admin/accounts", HttpMethod.GET, new HttpEntity<>(bearer(admin)), JsonNode.class)
        .getBody();
  }

  private int call(HttpMethod method, String path, String token, Object body) {
    return http.exchange(path, method, new HttpEntity<>(body, bearer(token)), String.class)
        .getStatusCode()
        .value();
  }

  private String userIdOf(String accessToken) {
    return http.exchange(
            "/api/me", HttpMethod.GET, new HttpEntity<>(bearer(accessToken)), JsonNode.class)
        .getBody()
        .get("userId")
        .asText();
  }

  private String accessToken(String email, String password) {
    ResponseEntity<JsonNode> response = login(email, password);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody().get("accessToken").asText();
  }
}
