package org.storybank.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.storybank.infra.PostgresDatabase;

/**
 * An admin moves the whole organisation: {@code ./storybank export FILE} from the running stack,
 * {@code ./storybank import FILE} into an installation with nothing in it, which then holds the
 * same events and accounts, row for row; a second import into it and a damaged file are refused
 * with nothing changed.
 */
@ExtendWith(SharedStack.class)
class OrganisationMoveSystemTest {

  private final List<String> databases = new ArrayList<>();
  private RunningStack stack;

  @BeforeEach
  void onTheSharedStack(RunningStack stack) {
    assumeTrue(stack.process() != null, "the stack was started outside this run");
    this.stack = stack;
  }

  @AfterEach
  void dropTargets() {
    for (String database : databases) {
      if (PostgresDatabase.exists(
          database, RunningStack.postgresUser(), RunningStack.postgresPassword())) {
        PostgresDatabase.dropDatabase(
            database, RunningStack.postgresUser(), RunningStack.postgresPassword());
      }
    }
  }

  @Test
  void anExportedOrganisationImportsIntoAnEmptyInstallationRowForRow() throws Exception {
    Path file = Files.createTempFile("organisation-", ".sql.gz");
    StorybankProcess.Outcome exported =
        stack.process().run(Duration.ofMinutes(5), "export", file.toString());
    assertThat(exported.exitCode()).as(exported.output()).isZero();
    assertThat(exported.output()).contains("public.domain_event_entry", "identity.accounts");

    String target = newDatabaseUrl();
    StorybankProcess elsewhere = installationAt(target);
    StorybankProcess.Outcome imported =
        elsewhere.run(Duration.ofMinutes(5), "import", file.toString());
    assertThat(imported.exitCode()).as(imported.output()).isZero();
    assertThat(imported.output()).contains("all counts match").doesNotContain("DIFFERS");

    String events =
        "SELECT count(*) || ' ' || max(global_index) || ' '"
            + " || md5(string_agg(event_identifier || aggregate_identifier || sequence_number"
            + " || encode(payload, 'hex'), ',' ORDER BY global_index)) FROM domain_event_entry";
    String accounts =
        "SELECT count(*) || ' ' || md5(string_agg(user_id || email || role || password_hash, ','"
            + " ORDER BY user_id)) FROM identity.accounts";
    String evaluations = "SELECT count(*) FROM evaluation.criterion_scores";
    for (String query : List.of(events, accounts, evaluations)) {
      assertThat(single(target, query)).as(query).isEqualTo(single(stack.database(), query));
    }
    assertThat(single(target, "SELECT count(*) FROM domain_event_entry")).isNotEqualTo("0");

    StorybankProcess.Outcome again =
        elsewhere.run(Duration.ofMinutes(5), "import", file.toString());
    assertThat(again.exitCode()).isNotZero();
    assertThat(again.output()).contains("not empty");
  }

  @Test
  void aDamagedFileChangesNothing() throws Exception {
    Path file = Files.createTempFile("organisation-", ".sql.gz");
    assertThat(stack.process().run(Duration.ofMinutes(5), "export", file.toString()).exitCode())
        .isZero();
    Path damaged = Files.createTempFile("organisation-damaged-", ".sql.gz");
    byte[] whole;
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      whole = in.readAllBytes();
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(damaged))) {
      out.write(whole, 0, whole.length * 9 / 10);
    }

    String target = newDatabaseUrl();
    StorybankProcess.Outcome imported =
        installationAt(target).run(Duration.ofMinutes(5), "import", damaged.toString());

    assertThat(imported.exitCode()).isNotZero();
    assertThat(imported.output()).contains("rolled back");
    assertThat(single(target, "SELECT to_regclass('public.domain_event_entry') IS NULL"))
        .as("no table was left behind")
        .isEqualTo("t");
  }

  private String newDatabaseUrl() {
    String url =
        stack.database().replaceFirst("/[^/?]+(\\?.*)?$", "/")
            + PostgresDatabase.SCRATCH_PREFIX
            + "move_"
            + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    databases.add(url);
    return url;
  }

  /**
   * The script pointed at another database, with a state directory of its own (nothing running).
   */
  private StorybankProcess installationAt(String database) throws Exception {
    return stack
        .process()
        .with(
            Map.of(
                "STORYBANK_POSTGRES_URL",
                database,
                "STORYBANK_STATE_DIR",
                Files.createTempDirectory("storybank-elsewhere-").toString()));
  }

  private static String single(String database, String query) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(
                database, RunningStack.postgresUser(), RunningStack.postgresPassword());
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(query)) {
      row.next();
      return row.getString(1);
    }
  }
}
