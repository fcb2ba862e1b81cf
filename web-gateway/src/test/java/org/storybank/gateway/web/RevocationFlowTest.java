package org.storybank.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * An access token issued before a lock or a logout is refused by the gateway within seconds, not at
 * its expiry; tokens of other sessions and tokens issued afterwards are not. Over HTTP, on the real
 * identity schema.
 */
class RevocationFlowTest extends GatewayOverHttp {

  /** The list is read every 2 s; a refusal must follow well within this. */
  private static final Duration WITHIN = Duration.ofSeconds(6);

  @Test
  void aLockedAccountsAccessTokenIsRefusedWithinSecondsAndANewOneWorksAfterTheUnlock()
      throws Exception {
    String admin = accessToken("admin@demo.storybank");
    String before = accessToken("candidate4@demo.storybank");
    String userId = me(before).getBody().get("userId").asText();

    long start = System.nanoTime();
    assertThat(call(HttpMethod.POST, "/api/admin/accounts/" + userId + "/lock", admin))
        .isEqualTo(204);
    ResponseEntity<JsonNode> refused = awaitRefusal(before);
    System.out.printf(
        "lock: the access token from before was refused after %d ms%n",
        Duration.ofNanos(System.nanoTime() - start).toMillis());

    assertThat(refused.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(refused.getBody().get("detail").asText()).contains("revoked");
    assertThat(me(admin).getStatusCode().value()).as("the admin's own token").isEqualTo(200);

    assertThat(call(HttpMethod.DELETE, "/api/admin/accounts/" + userId + "/lock", admin))
        .isEqualTo(204);
    Thread.sleep(5);
    String after = accessToken("candidate4@demo.storybank");
    assertThat(me(after).getStatusCode().value()).isEqualTo(200);
    assertThat(me(before).getStatusCode().value()).as("still revoked").isEqualTo(401);
  }

  @Test
  void aLogoutRevokesThatSessionsAccessTokenOnly() throws Exception {
    JsonNode signedOut = login("candidate3@demo.storybank", PASSWORD).getBody();
    String elsewhere = accessToken("candidate3@demo.storybank");
    String token = signedOut.get("accessToken").asText();
    assertThat(me(token).getStatusCode().value()).isEqualTo(200);

    long start = System.nanoTime();
    assertThat(
            http.postForEntity(
                    "/api/auth/logout",
                    Map.of("refreshToken", signedOut.get("refreshToken").asText()),
                    String.class)
                .getStatusCode()
                .value())
        .isEqualTo(204);
    awaitRefusal(token);
    System.out.printf(
        "logout: the session's access token was refused after %d ms%n",
        Duration.ofNanos(System.nanoTime() - start).toMillis());

    assertThat(me(elsewhere).getStatusCode().value())
        .as("the same account signed in elsewhere")
        .isEqualTo(200);
  }

  private ResponseEntity<JsonNode> awaitRefusal(String token) throws InterruptedException {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    ResponseEntity<JsonNode> answer = me(token);
    while (answer.getStatusCode().value() == 200 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      answer = me(token);
    }
    assertThat(answer.getStatusCode().value()).as("refused within %s", WITHIN).isEqualTo(401);
    return answer;
  }

  private int call(HttpMethod method, String path, String token) {
    return http.exchange(path, method, new HttpEntity<>(bearer(token)), String.class)
        .getStatusCode()
        .value();
  }

  private String accessToken(String email) {
    ResponseEntity<JsonNode> response = login(email, PASSWORD);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody().get("accessToken").asText();
  }
}
