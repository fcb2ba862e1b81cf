package org.storybank.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kills each part of the stack in turn (SIGKILL; PostgreSQL refuses every connection for a while,
 * since the server is shared) under a steady load of writes and searches through the gateway,
 * brings it back with {@code ./storybank up}, and then checks the stores against each other: every
 * acknowledged write is in the event store, the index holds exactly the event store's stories at
 * their latest version, no story was created twice, each story's latest revision has exactly one
 * automatic evaluation and none has two, and the story topic carries every event, in order per
 * story. It prints, per fault, what clients saw and how long the stack took to recover.
 */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(3)
class FaultSuiteSystemTest {

  private static final String PASSWORD = "demo-password";
  private static final Duration CONVERGED_WITHIN = Duration.ofSeconds(120);

  private RunningStack stack;
  private Api gateway;

  @BeforeAll
  void up(RunningStack stack) {
    this.stack = stack;
    assertThat(stack.process()).as("the fault suite needs a stack of its own").isNotNull();
    gateway = new Api(stack.gatewayUrl());
  }

  /** One fault: what it breaks and how it is mended. */
  private record Fault(String name, Breaker breaker) {}

  private interface Breaker {
    /** Breaks the part and mends it; returns when the mending command has returned. */
    void breakAndMend() throws Exception;
  }

  private record Recovery(String fault, double seconds) {}

  @Test
  void noAcknowledgedWriteIsLostOrDoubledWhenAnyPartIsKilledUnderLoad() throws Exception {
    String marker = "faultline" + UUID.randomUUID().toString().substring(0, 6);
    List<Fault> faults =
        List.of(
            new Fault("kafka", () -> killAndUp(infraPid("kafka", "kafka.pid"))),
            new Fault("elasticsearch", () -> killAndUp(infraPid("elasticsearch", "es.pid"))),
            new Fault("postgresql", this::refuseDatabaseConnections),
            new Fault("story-command", () -> killAndUp(servicePid("story-command"))),
            new Fault("story-query", () -> killAndUp(servicePid("story-query"))),
            new Fault("evaluation", () -> killAndUp(servicePid("evaluation"))),
            new Fault("web-gateway", () -> killAndUp(servicePid("web-gateway"))));
    List<Recovery> recoveries = new ArrayList<>();
    SteadyLoad load =
        new SteadyLoad(gateway, "candidate5@demo.storybank", PASSWORD, marker).start(2, 1_000);
    try {
      Thread.sleep(2_000);
      for (Fault fault : faults) {
        load.phase(fault.name());
        long broken = System.nanoTime();
        fault.breaker().breakAndMend();
        double mended = (System.nanoTime() - broken) / 1e9;
        try {
          awaitCanarySearchable(marker, fault.name());
        } catch (AssertionError e) {
          keepLogs();
          throw e;
        }
        recoveries.add(new Recovery(fault.name(), (System.nanoTime() - broken) / 1e9));
        System.out.printf(
            Locale.ROOT,
            "fault %s: mended after %.1f s, a new story searchable after %.1f s%n",
            fault.name(),
            mended,
            recoveries.get(recoveries.size() - 1).seconds());
        System.out.println("[" + fault.name() + "] " + projectionLag());
        Thread.sleep(1_000);
      }
      load.phase("after");
      Thread.sleep(1_000);
    } finally {
      load.close();
    }

    StoreAudit audit =
        new StoreAudit(
            stack.database(), stack.ports().get("ELASTICSEARCH"), stack.ports().get("KAFKA"));
    Map<String, SteadyLoad.Acknowledged> acknowledged = load.acknowledged();
    Map<String, StoreAudit.StoredStory> stored = awaitConverged(audit, marker);
    Map<String, Long> index = audit.index();
    Map<String, Map<Integer, Integer>> evaluations = audit.automaticEvaluations();
    Map<String, List<Long>> published = audit.publishedSequences();

    printTable(faults, recoveries, load, acknowledged, stored, index);

    List<String> problems = new ArrayList<>();
    acknowledged
        .values()
        .forEach(
            a -> {
              StoreAudit.StoredStory story = stored.get(a.storyId());
              if (story == null) {
                problems.add("acknowledged story " + a.storyId() + " is not in the event store");
              } else if (story.revision() < a.revision() || story.lastSequence() < a.version()) {
                problems.add(
                    "acknowledged revision " + a.revision() + " of " + a.storyId() + " is lost");
              }
            });
    duplicates(stored, marker)
        .forEach((title, count) -> problems.add(title + " was created " + count + " times"));
    stored
        .values()
        .forEach(
            story -> {
              Long indexed = index.get(story.storyId());
              if (indexed == null || indexed != story.lastSequence()) {
                problems.add(
                    story.storyId()
                        + " is at "
                        + story.lastSequence()
                        + " in the event store but "
                        + indexed
                        + " in the index");
              }
              Map<Integer, Integer> judged = evaluations.getOrDefault(story.storyId(), Map.of());
              judged.forEach(
                  (revision, count) -> {
                    if (count > 1) {
                      problems.add(
                          story.storyId()
                              + " revision "
                              + revision
                              + " was judged "
                              + count
                              + " times");
                    }
                  });
              if (story.title() != null
                  && story.title().startsWith(marker)
                  && !judged.containsKey(story.revision())) {
                problems.add(
                    story.storyId() + " revision " + story.revision() + " was never judged");
              }
              String order =
                  publicationProblem(published.get(story.storyId()), story.lastSequence());
              if (order != null) {
                problems.add(story.storyId() + ": " + order);
              }
            });
    index.keySet().stream()
        .filter(id -> !stored.containsKey(id))
        .forEach(id -> problems.add(id + " is in the index but not in the event store"));

    assertThat(acknowledged).as("the load wrote stories").hasSizeGreaterThan(50);
    assertThat(problems).as("what the stores disagree on").isEmpty();
  }

  /** Null when every event 0..last was published and each first appeared after the one before. */
  static String publicationProblem(List<Long> sequences, long last) {
    if (sequences == null) {
      return "never published";
    }
    long expected = 0;
    for (long sequence : sequences) {
      if (sequence == expected) {
        expected++;
      } else if (sequence > expected) {
        return "event " + sequence + " was published before event " + expected;
      }
    }
    return expected > last
        ? null
        : "events from " + expected + " to " + last + " were never published";
  }

  private static Map<String, Long> duplicates(
      Map<String, StoreAudit.StoredStory> stored, String marker) {
    return stored.values().stream()
        .filter(story -> story.title() != null && story.title().startsWith(marker))
        .collect(Collectors.groupingBy(StoreAudit.StoredStory::title, Collectors.counting()))
        .entrySet()
        .stream()
        .filter(entry -> entry.getValue() > 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * The event store once the index and the evaluations have caught up with it (or the time is up).
   */
  private Map<String, StoreAudit.StoredStory> awaitConverged(StoreAudit audit, String marker)
      throws Exception {
    long deadline = System.nanoTime() + CONVERGED_WITHIN.toNanos();
    while (true) {
      Map<String, StoreAudit.StoredStory> stored = audit.eventStore();
      Map<String, Long> index = audit.index();
      Map<String, Map<Integer, Integer>> evaluations = audit.automaticEvaluations();
      boolean caughtUp =
          stored.values().stream()
              .allMatch(
                  story ->
                      Long.valueOf(story.lastSequence()).equals(index.get(story.storyId()))
                          && (story.title() == null
                              || !story.title().startsWith(marker)
                              || evaluations
                                  .getOrDefault(story.storyId(), Map.of())
                                  .containsKey(story.revision())));
      if (caughtUp || System.nanoTime() > deadline) {
        return stored;
      }
      Thread.sleep(1_000);
    }
  }

  private void killAndUp(long pid) throws Exception {
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
    Thread.sleep(2_000);
    StorybankProcess.Outcome again = stack.process().run(Duration.ofMinutes(5), "up");
    assertThat(again.exitCode()).as("up after the kill:\n%s", again.output()).isZero();
  }

  /**
   * The machine's PostgreSQL serves other databases, so it is not stopped: every connection to the
   * stack's database is cut and new ones refused for ten seconds, which is what the services see of
   * a database that went away and came back.
   */
  private void refuseDatabaseConnections() throws Exception {
    String name = stack.database().replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
    String server = stack.database().replaceFirst("/[^/?]+(\\?.*)?$", "/postgres");
    try (Connection connection =
            DriverManager.getConnection(
                server, RunningStack.postgresUser(), RunningStack.postgresPassword());
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER DATABASE \"" + name + "\" ALLOW_CONNECTIONS false");
      try {
        statement.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + name
                + "'");
        Thread.sleep(10_000);
      } finally {
        statement.execute("ALTER DATABASE \"" + name + "\" ALLOW_CONNECTIONS true");
      }
    }
  }

  /**
   * The stack's logs outlive it (its state directory goes when the run ends), for whoever reads the
   * failure.
   */
  private void keepLogs() throws java.io.IOException {
    Path kept = Path.of("target", "fault-suite-logs");
    Files.createDirectories(kept);
    try (var files = Files.walk(stack.stateDir())) {
      for (Path file :
          files
              .filter(Files::isRegularFile)
              .filter(f -> f.toString().endsWith(".log") || f.toString().endsWith(".out"))
              .toList()) {
        Path target = kept.resolve(stack.stateDir().relativize(file).toString().replace('/', '_'));
        Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    System.out.println("the stack's logs are kept in " + kept.toAbsolutePath());
  }

  private long servicePid(String service) throws Exception {
    return Long.parseLong(
        Files.readString(stack.stateDir().resolve("run/" + service + ".pid")).strip());
  }

  private long infraPid(String server, String pidFile) throws Exception {
    Path file = stack.stateDir().resolve("infra").resolve(server).resolve(pidFile);
    return Long.parseLong(Files.readString(file).strip());
  }

  /** A story written after the fault was mended is found by search: the stack works again. */
  private void awaitCanarySearchable(String marker, String fault) throws Exception {
    String word = "canary" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    String key = UUID.randomUUID().toString();
    String storyId = null;
    String token = null;
    String last = "no answer yet";
    long nextLagReport = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (System.nanoTime() > nextLagReport) {
        System.out.println("[" + fault + "] " + projectionLag());
        nextLagReport = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      }
      try {
        if (token == null) {
          token = gateway.login("candidate6@demo.storybank", PASSWORD);
        }
        Api.Response answer;
        if (storyId == null) {
          answer =
              gateway.postWithKey(
                  "/api/stories",
                  token,
                  key,
                  Map.of(
                      "title", marker + " canary " + word,
                      "principles", List.of("ownership"),
                      "level", "mid",
                      "situation", "A check that the stack is back.",
                      "task", "Write one story.",
                      "action", "I wrote it with the word " + word + ".",
                      "result", "It was found 1 time."));
          if (answer.status() == 201) {
            storyId = answer.body().get("id").asText();
          }
        } else {
          answer = gateway.get("/api/search/stories?q=" + word, token);
          if (answer.status() == 200 && holds(answer.body().path("hits"), storyId)) {
            return;
          }
        }
        if (answer.status() == 401) {
          token = null;
        }
        last = answer.status() + " " + answer.body();
      } catch (Exception e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "after "
            + fault
            + " the stack did not recover within 3 minutes; "
            + projectionLag()
            + "; last answer: "
            + last);
  }

  private String projectionLag() {
    int kafka = stack.ports().get("KAFKA");
    return ConsumerLag.of(kafka, "story-query", "storybank.story-events")
        + "; "
        + ConsumerLag.of(kafka, "evaluation", "storybank.story-events");
  }

  /** Earlier canaries may be found by meaning too: the new one must be among the hits. */
  private static boolean holds(com.fasterxml.jackson.databind.JsonNode hits, String storyId) {
    for (com.fasterxml.jackson.databind.JsonNode hit : hits) {
      if (storyId.equals(hit.path("storyId").asText())) {
        return true;
      }
    }
    return false;
  }

  private static void printTable(
      List<Fault> faults,
      List<Recovery> recoveries,
      SteadyLoad load,
      Map<String, SteadyLoad.Acknowledged> acknowledged,
      Map<String, StoreAudit.StoredStory> stored,
      Map<String, Long> index) {
    Map<String, Double> recovered = new HashMap<>();
    recoveries.forEach(r -> recovered.put(r.fault(), r.seconds()));
    Map<String, List<SteadyLoad.Acknowledged>> byPhase = new LinkedHashMap<>();
    acknowledged
        .values()
        .forEach(a -> byPhase.computeIfAbsent(a.phase(), p -> new ArrayList<>()).add(a));
    StringBuilder table = new StringBuilder();
    table.append(
        "| fault | stories acknowledged | in event store | in index at their latest version | recovery | errors clients saw | searches ok / failed |\n");
    table.append("|---|---|---|---|---|---|---|\n");
    List<String> phases = new ArrayList<>(List.of("steady"));
    faults.forEach(f -> phases.add(f.name()));
    phases.add("after");
    for (String phase : phases) {
      List<SteadyLoad.Acknowledged> written = byPhase.getOrDefault(phase, List.of());
      long inStore = written.stream().filter(a -> stored.containsKey(a.storyId())).count();
      long inIndex =
          written.stream()
              .filter(
                  a ->
                      stored.containsKey(a.storyId())
                          && Long.valueOf(stored.get(a.storyId()).lastSequence())
                              .equals(index.get(a.storyId())))
              .count();
      int[] searches = load.searches(phase);
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %s | %s | %d / %d |%n",
              phase,
              written.size(),
              inStore,
              inIndex,
              recovered.containsKey(phase)
                  ? String.format(Locale.ROOT, "%.1f s", recovered.get(phase))
                  : "-",
              load.errors(phase).isEmpty() ? "none" : load.errors(phase).toString(),
              searches[0],
              searches[1]));
    }
    System.out.printf(
        Locale.ROOT,
        "Fault suite (%.1f writes acknowledged a second; stories per phase, checked after the stores"
            + " converged):%n%s",
        load.writesPerSecond(),
        table);
  }
}
