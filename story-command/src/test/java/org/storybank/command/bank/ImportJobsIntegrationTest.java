package org.storybank.command.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.storybank.command.bank.ImportJobs.Job;
import org.storybank.command.bank.ImportJobs.State;
import org.storybank.command.bank.ImportReport.RowError;
import org.storybank.infra.TestServers;

/** Background imports' progress on the real PostgreSQL, with the service's own migrations. */
class ImportJobsIntegrationTest {

  private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

  private final MovableClock clock = new MovableClock();
  private ImportJobs jobs;

  @BeforeEach
  void freshDatabase() {
    TestServers servers = TestServers.shared();
    DriverManagerDataSource database =
        new DriverManagerDataSource(
            servers.newDatabase(), servers.postgresUser(), servers.postgresPassword());
    Flyway.configure().dataSource(database).load().migrate();
    jobs = new ImportJobs(JdbcClient.create(database), new ObjectMapper(), clock);
  }

  @Test
  void anImportShowsItsProgressToItsOwnerOnly() {
    RowError refused = new RowError(2, "level", "must be one of entry, mid, senior, staff");
    String id = jobs.start("alice", 3, List.of(refused));
    clock.pass(Duration.ofSeconds(5));
    jobs.advanced(id, 2, 1, 1);

    Job running = jobs.find(id, "alice").orElseThrow();
    assertThat(running.state()).isEqualTo(State.RUNNING);
    assertThat(running.total()).isEqualTo(3);
    assertThat(running.done()).isEqualTo(2);
    assertThat(running.imported()).isEqualTo(1);
    assertThat(running.unchanged()).isEqualTo(1);
    assertThat(running.errors()).containsExactly(refused);
    assertThat(running.updatedAt()).isEqualTo(START.plusSeconds(5));
    assertThat(jobs.find(id, "bob")).as("someone else's import").isEmpty();
    assertThat(jobs.find("no-such-import", "alice")).isEmpty();

    RowError conflict = new RowError(3, "entry", "was not written: the story changed");
    jobs.finished(id, new ImportReport(1, 1, List.of(refused, conflict)));
    Job done = jobs.find(id, "alice").orElseThrow();
    assertThat(done.state()).isEqualTo(State.DONE);
    assertThat(done.errors()).containsExactly(refused, conflict);
  }

  @Test
  void anImportThatStopsMovingIsShownInterrupted() {
    String id = jobs.start("alice", 10, List.of());
    jobs.advanced(id, 4, 4, 0);

    clock.pass(ImportJobs.STALLED.minusSeconds(1));
    assertThat(jobs.find(id, "alice").orElseThrow().state()).isEqualTo(State.RUNNING);

    clock.pass(Duration.ofSeconds(2));
    assertThat(jobs.find(id, "alice").orElseThrow().state()).isEqualTo(State.INTERRUPTED);

    String stopped = jobs.start("alice", 10, List.of());
    jobs.interrupted(stopped);
    assertThat(jobs.find(stopped, "alice").orElseThrow().state()).isEqualTo(State.INTERRUPTED);
  }

  private static final class MovableClock extends Clock {
    private Instant now = START;

    void pass(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
