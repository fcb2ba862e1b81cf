package org.storybank.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.storybank.infra.PostgresDatabase;

/**
 * The whole installation lost and brought back from a backup: {@code ./storybank backup}, then the
 * search indexes deleted, everything stopped, the database dropped and the signing keys deleted;
 * {@code ./storybank restore}, {@code up} and {@code reindex} give the same accounts, the same
 * stories at the same versions and the same search answers, and a token issued before the backup
 * still works. It wrecks the shared stack before it rebuilds it, so it runs after the browser tests
 * and before the walking skeleton, whose last test stops everything.
 */
@ExtendWith(SharedStack.class)
@Order(2)
class BackupRestoreSystemTest {

  private static final String PASSWORD = "demo-password";
  private static final List<String> QUESTIONS =
      List.of(
          "Tell me about a time you took ownership of a problem nobody owned",
          "a time you used data to make a decision",
          "disagree with your manager");

  @Test
  void aBackupRestoredIntoAnEmptyInstallationAnswersAsBefore(RunningStack stack) throws Exception {
    assumeTrue(stack.process() != null, "the stack was started outside this run");
    Api api = new Api(stack.gatewayUrl());
    String candidate = api.login("candidate1@demo.storybank", PASSWORD);
    String admin = api.login("admin@demo.storybank", PASSWORD);
    Snapshot before = snapshot(api, candidate, admin);
    assertThat(before.versions()).as("the demo candidate has stories").isNotEmpty();

    Path backup = Files.createTempFile("storybank-backup-", ".tar");
    StorybankProcess script = stack.process();
    run(script, "backup", backup.toString());
    deleteSearchIndexes(stack);
    run(script, "down");
    PostgresDatabase.dropDatabase(
        stack.database(), RunningStack.postgresUser(), RunningStack.postgresPassword());
    deleteKeys(stack.stateDir().resolve("keys"));

    String restored = run(script, "restore", backup.toString());
    assertThat(restored).contains("all counts match", "signing keys restored");
    run(script.with(Map.of("STORYBANK_DEMO", "off")), "up");
    assertThat(run(script, "reindex")).contains("rebuilt");

    assertThat(api.get("/api/me", candidate).status())
        .as("a token issued before the backup")
        .isEqualTo(200);
    Snapshot after = snapshot(api, candidate, admin);
    assertThat(after.accounts()).isEqualTo(before.accounts());
    assertThat(after.versions()).isEqualTo(before.versions());
    assertThat(after.found()).isEqualTo(before.found());
    assertThat(after.first()).isEqualTo(before.first());
  }

  /** What a candidate and the admin see: to compare before and after. */
  private record Snapshot(
      Map<String, String> accounts,
      Map<String, Long> versions,
      Map<String, List<String>> found,
      Map<String, String> first) {}

  private static Snapshot snapshot(Api api, String candidate, String admin) throws Exception {
    Map<String, String> accounts = new TreeMap<>();
    for (JsonNode account : api.get("/api/admin/accounts", admin).body()) {
      accounts.put(account.get("email").asText(), account.get("role").asText());
    }
    Map<String, Long> versions = new TreeMap<>();
    JsonNode bank = api.get("/api/search/stories?size=100&sort=recency", candidate).body();
    for (JsonNode hit : bank.get("hits")) {
      String id = hit.get("storyId").asText();
      versions.put(id, api.get("/api/stories/" + id, candidate).body().get("version").asLong());
    }
    Map<String, List<String>> found = new LinkedHashMap<>();
    Map<String, String> first = new LinkedHashMap<>();
    for (String question : QUESTIONS) {
      JsonNode result =
          api.get("/api/search/stories?size=10&q=" + Api.query(question), candidate).body();
      List<String> ids = new ArrayList<>();
      result.get("hits").forEach(hit -> ids.add(hit.get("storyId").asText()));
      found.put(question, ids.stream().sorted().toList());
      first.put(question, ids.isEmpty() ? "" : ids.get(0));
    }
    return new Snapshot(accounts, versions, found, first);
  }

  private static String run(StorybankProcess script, String... arguments) throws Exception {
    StorybankProcess.Outcome outcome = script.run(Duration.ofMinutes(10), arguments);
    assertThat(outcome.exitCode())
        .as("./storybank %s:%n%s", String.join(" ", arguments), outcome.output())
        .isZero();
    return outcome.output();
  }

  private static void deleteSearchIndexes(RunningStack stack) throws Exception {
    Api elasticsearch = new Api("http://127.0.0.1:" + stack.ports().get("ELASTICSEARCH"));
    for (JsonNode index : elasticsearch.get("/_cat/indices?format=json", null).body()) {
      String name = index.get("index").asText();
      if (!name.startsWith(".")) {
        assertThat(elasticsearch.raw("DELETE", "/" + name, null, Map.of(), null).statusCode())
            .isEqualTo(200);
      }
    }
  }

  private static void deleteKeys(Path keys) throws Exception {
    try (var files = Files.list(keys)) {
      for (Path key : files.toList()) {
        Files.delete(key);
      }
    }
  }
}
