package org.storybank.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.storybank.gateway.support.ScratchDatabase;

/**
 * The gateway's part of the audit trail, over HTTP on the real schema: an admin's actions are
 * recorded with whose account they touched; each person reads only the entries about them, newest
 * first and paged; only an admin reads (and filters) the whole trail; nobody rewrites it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "storybank.demo.enabled=true",
      "spring.kafka.listener.auto-startup=false",
      "storybank.login.failures-per-address=1000"
    })
class AuditTrailTest {

  private static final String PASSWORD = "demo-password";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", ScratchDatabase::url);
    registry.add("spring.datasource.username", () -> ScratchDatabase.USER);
    registry.add("spring.datasource.password", () -> ScratchDatabase.PASSWORD);
  }

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;

  @Test
  void anAdminsActionIsOnTheTrailAndTheAccountsOwnerSeesIt() {
    String admin = token("admin@demo.storybank");
    String candidate = token("candidate5@demo.storybank");
    String candidateId = me(candidate).get("userId").asText();
    Instant before = Instant.now().minusSeconds(1);

    assertThat(
            exchange(
                    HttpMethod.POST,
                    "/api/admin/accounts/" + candidateId + "/password-reset",
                    admin)
                .getStatusCode()
                .value())
        .isEqualTo(201);

    JsonNode mine = get("/api/me/audit", candidate).getBody();
    JsonNode entry = mine.get("entries").get(0);
    assertThat(entry.get("action").asText())
        .isEqualTo("POST /api/admin/accounts/{userId}/password-reset");
    assertThat(entry.get("actorId").asText()).isEqualTo(me(admin).get("userId").asText());
    assertThat(entry.get("actorRole").asText()).isEqualTo("admin");
    assertThat(entry.get("actorName").asText()).isNotBlank();
    assertThat(entry.get("ownerId").asText()).isEqualTo(candidateId);
    assertThat(entry.get("targetId").asText()).isEqualTo(candidateId);
    assertThat(entry.get("service").asText()).isEqualTo("web-gateway");
    assertThat(entry.get("requestId").asText()).isNotBlank();

    JsonNode others = get("/api/me/audit", token("candidate6@demo.storybank")).getBody();
    assertThat(others.findValuesAsText("ownerId")).doesNotContain(candidateId);

    JsonNode filtered =
        get(
                "/api/admin/audit?accountId="
                    + candidateId
                    + "&action=POST /api/admin/accounts/{userId}/password-reset&from="
                    + before,
                admin)
            .getBody();
    assertThat(filtered.get("entries")).isNotEmpty();
    assertThat(filtered.findValuesAsText("ownerId")).containsOnly(candidateId);
    assertThat(
            get("/api/admin/audit?accountId=" + candidateId + "&to=" + before, admin)
                .getBody()
                .get("entries"))
        .isEmpty();
  }

  @Test
  void pagesAreNewestFirstWithoutRepeats() {
    String admin = token("admin@demo.storybank");
    String candidateId = me(token("candidate4@demo.storybank")).get("userId").asText();
    for (int i = 0; i < 5; i++) {
      exchange(HttpMethod.POST, "/api/admin/accounts/" + candidateId + "/password-reset", admin);
    }
    List<Long> ids = new ArrayList<>();
    JsonNode page = get("/api/admin/audit?accountId=" + candidateId + "&size=2", admin).getBody();
    page.get("entries").forEach(entry -> ids.add(entry.get("id").asLong()));
    assertThat(page.get("hasMore").asBoolean()).isTrue();
    get("/api/admin/audit?accountId=" + candidateId + "&size=2&page=1", admin)
        .getBody()
        .get("entries")
        .forEach(entry -> ids.add(entry.get("id").asLong()));
    assertThat(ids).hasSize(4).doesNotHaveDuplicates();
    assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void onlyAnAdminReadsTheWholeTrailAndBadParametersAreNamed() {
    for (String email : List.of("coach1@demo.storybank", "candidate1@demo.storybank")) {
      ResponseEntity<JsonNode> refused = get("/api/admin/audit", token(email));
      assertThat(refused.getStatusCode().value()).as(email).isEqualTo(403);
    }
    assertThat(get("/api/admin/audit", null).getStatusCode().value()).isEqualTo(401);
    assertThat(get("/api/me/audit", null).getStatusCode().value()).isEqualTo(401);
    String admin = token("admin@demo.storybank");
    for (Map.Entry<String, String> bad :
        Map.of("size=0", "size", "size=201", "size", "page=-1", "page", "from=yesterday", "from")
            .entrySet()) {
      ResponseEntity<JsonNode> answer = get("/api/admin/audit?" + bad.getKey(), admin);
      assertThat(answer.getStatusCode().value()).as(bad.getKey()).isEqualTo(400);
      assertThat(answer.getBody().get("parameter").asText()).isEqualTo(bad.getValue());
    }
  }

  @Test
  void theTrailIsAppendOnly() {
    String admin = token("admin@demo.storybank");
    String candidateId = me(token("candidate3@demo.storybank")).get("userId").asText();
    exchange(HttpMethod.POST, "/api/admin/accounts/" + candidateId + "/password-reset", admin);

    assertThatThrownBy(
            () -> jdbc.sql("UPDATE audit.entries SET actor_id = 'someone else'").update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit.entries").update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit.entries").update())
        .hasMessageContaining("append-only");
  }

  private String token(String email) {
    ResponseEntity<JsonNode> login =
        http.postForEntity(
            "/api/auth/login", Map.of("email", email, "password", PASSWORD), JsonNode.class);
    assertThat(login.getStatusCode().value()).isEqualTo(200);
    return login.getBody().get("accessToken").asText();
  }

  private JsonNode me(String token) {
    return get("/api/me", token).getBody();
  }

  private ResponseEntity<JsonNode> get(String path, String token) {
    return exchange(HttpMethod.GET, path, token);
  }

  private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, String token) {
    HttpHeaders headers = new HttpHeaders();
    if (token != null) {
      headers.setBearerAuth(token);
    }
    // a URI, not a template: an action filter holds braces
    URI uri =
        URI.create(
            http.getRootUri() + path.replace("{", "%7B").replace("}", "%7D").replace(" ", "%20"));
    return http.exchange(uri, method, new HttpEntity<>(headers), JsonNode.class);
  }
}
