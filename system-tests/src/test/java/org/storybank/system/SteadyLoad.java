package org.storybank.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes and searches through the gateway at a steady pace, as clients would while something
 * breaks: each new story is sent with an {@code Idempotency-Key} and, while its outcome is unknown
 * (no answer, a 5xx), sent again with the same key until it is acknowledged or 150 s have passed;
 * every other write revises a story acknowledged before, against the version it was given. Every
 * answer is counted under the phase (the fault) in which it came.
 */
final class SteadyLoad implements AutoCloseable {

  private static final long GIVE_UP_AFTER_MS = 150_000;

  /** A story the service acknowledged, with the version and revision it last acknowledged. */
  record Acknowledged(String storyId, String title, String phase, long version, int revision) {}

  private final Api gateway;
  private final String email;
  private final String password;
  private final String marker;
  private final AtomicReference<String> token = new AtomicReference<>();
  private final AtomicReference<String> phase = new AtomicReference<>("steady");
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Integer>> errors = new ConcurrentHashMap<>();
  private final Map<String, int[]> searches = new ConcurrentHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger writes =
      new java.util.concurrent.atomic.AtomicInteger();
  private long startedAt;
  private volatile long stoppedAt;

  SteadyLoad(Api gateway, String email, String password, String marker) {
    this.gateway = gateway;
    this.email = email;
    this.password = password;
    this.marker = marker;
  }

  SteadyLoad start(int writers, long pauseMs) {
    startedAt = System.nanoTime();
    for (int i = 0; i < writers; i++) {
      int writer = i;
      threads.add(Thread.ofPlatform().name("writer-" + i).start(() -> write(writer, pauseMs)));
    }
    threads.add(Thread.ofPlatform().name("searcher").start(() -> search(4 * pauseMs)));
    return this;
  }

  void phase(String name) {
    phase.set(name);
  }

  /** Writes acknowledged (stories created and revised) per second since the load started. */
  double writesPerSecond() {
    long end = stoppedAt == 0 ? System.nanoTime() : stoppedAt;
    return writes.get() / ((end - startedAt) / 1e9);
  }

  Map<String, Acknowledged> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  /** Errors clients saw in a phase, by status (or {@code io} for no answer). */
  Map<String, Integer> errors(String phase) {
    return new TreeMap<>(errors.getOrDefault(phase, Map.of()));
  }

  /** Searches answered 200 and searches that failed, in a phase. */
  int[] searches(String phase) {
    return searches.getOrDefault(phase, new int[2]).clone();
  }

  private void write(int writer, long pauseMs) {
    int n = 0;
    while (running.get()) {
      n++;
      String own = "w" + writer + "-";
      List<Acknowledged> mine =
          acknowledged.values().stream().filter(a -> a.title().contains(own)).toList();
      if (n % 2 == 0 && !mine.isEmpty()) {
        revise(mine.get(n % mine.size()));
      } else {
        create(marker + " " + own + n);
      }
      pause(pauseMs);
    }
  }

  private void create(String title) {
    String key = UUID.randomUUID().toString();
    String phaseOfFirstTry = phase.get();
    long deadline = System.currentTimeMillis() + GIVE_UP_AFTER_MS;
    while (running.get() && System.currentTimeMillis() < deadline) {
      Api.Response answer =
          send(() -> gateway.postWithKey("/api/stories", token(), key, story(title, 1)));
      if (answer != null && answer.status() == 201 && !answer.body().has("id")) {
        unexpected("a draft answered 201 without an id: " + answer.body());
        return;
      } else if (answer != null && answer.status() == 201) {
        String id = answer.body().get("id").asText();
        acknowledged.put(id, new Acknowledged(id, title, phaseOfFirstTry, 0, 1));
        writes.incrementAndGet();
        return;
      }
      if (answer != null && !worthRetrying(answer.status())) {
        return;
      }
      pause(500);
    }
  }

  /** No answer, a 5xx, an expired token, or the same key still being answered (409). */
  private static boolean worthRetrying(int status) {
    return status >= 500 || status == 401 || status == 409 || status == 429;
  }

  private void revise(Acknowledged story) {
    int revision = story.revision() + 1;
    Api.Response answer =
        send(
            () ->
                gateway.put(
                    "/api/stories/" + story.storyId(),
                    token(),
                    Long.toString(story.version()),
                    story(story.title(), revision)));
    if (answer != null && answer.status() == 200 && !answer.body().has("version")) {
      unexpected("a revision answered 200 without a version: " + answer.body());
    } else if (answer != null && answer.status() == 200) {
      writes.incrementAndGet();
      acknowledged.put(
          story.storyId(),
          new Acknowledged(
              story.storyId(),
              story.title(),
              story.phase(),
              answer.body().get("version").asLong(),
              revision));
    } else if (answer != null && answer.status() == 409) {
      // the automatic evaluation moved the story on: revise against what it holds now
      long current = answer.body().path("currentVersion").asLong(story.version());
      acknowledged.computeIfPresent(
          story.storyId(),
          (id, known) ->
              new Acknowledged(
                  id,
                  known.title(),
                  known.phase(),
                  Math.max(current, known.version()),
                  known.revision()));
    }
  }

  /** An answer no client could use: counted, and the first few printed. */
  private void unexpected(String what) {
    int seen =
        errors
            .computeIfAbsent(phase.get(), p -> new ConcurrentHashMap<>())
            .merge("unusable answer", 1, Integer::sum);
    if (seen <= 3) {
      System.out.println("[" + phase.get() + "] " + what);
    }
  }

  private void search(long pauseMs) {
    while (running.get()) {
      Api.Response answer =
          send(() -> gateway.get("/api/search/stories?size=5&q=" + Api.query(marker), token()));
      int[] counts = searches.computeIfAbsent(phase.get(), p -> new int[2]);
      synchronized (counts) {
        counts[answer != null && answer.status() == 200 ? 0 : 1]++;
      }
      pause(pauseMs);
    }
  }

  private interface Call {
    Api.Response call() throws Exception;
  }

  /** One call; its failure counted, the token renewed when it expired. */
  private Api.Response send(Call call) {
    String kind;
    Api.Response answer = null;
    try {
      answer = call.call();
      if (answer.status() < 400 || answer.status() == 409) {
        return answer;
      }
      if (answer.status() == 401) {
        token.set(null);
      }
      kind = Integer.toString(answer.status());
    } catch (Exception e) {
      kind = "io";
    }
    errors
        .computeIfAbsent(phase.get(), p -> new ConcurrentHashMap<>())
        .merge(kind, 1, Integer::sum);
    return answer;
  }

  private String token() throws Exception {
    String current = token.get();
    if (current == null) {
      current = gateway.login(email, password);
      token.set(current);
    }
    return current;
  }

  private static Map<String, Object> story(String title, int revision) {
    return Map.of(
        "title", title,
        "principles", List.of("ownership", "deliver-results"),
        "level", "mid",
        "situation", "The nightly stock sync failed twice a week and nobody owned it.",
        "task", "I took the sync on although it belonged to no team, revision " + revision + ".",
        "action", "I traced the failures to a lock held by the report job and moved the report.",
        "result", "Failures fell from 8 a month to 1 and the stores stopped counting by hand.");
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    stoppedAt = System.nanoTime();
    for (Thread thread : threads) {
      thread.join(90_000);
    }
  }
}
