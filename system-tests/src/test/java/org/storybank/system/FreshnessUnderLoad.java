package org.storybank.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./storybank bench freshness --load RATE [--seconds S]}: against a running {@code
 * ./storybank up}, the six demo candidates draft stories through the gateway at RATE stories/s in
 * all (each account within its write limit of 20/s sustained), and once a second one of those
 * drafts is a probe whose time from accepted to searchable is measured (it is counted in the
 * stories index every 25 ms until it is there). Prints a progress line every ten seconds, then for
 * every ten seconds the drafts acknowledged per second and the probes' freshness p50/p99, and the
 * whole run's: a read side that keeps up holds freshness flat; one that falls behind shows it
 * growing window after window.
 */
final class FreshnessUnderLoad {

  private static final int ACCOUNTS = 6;
  private static final long WINDOW_NANOS = 10_000_000_000L;
  private static final long GIVE_UP_NANOS = 120_000_000_000L;

  private static final String STORIES_INDEX =
      System.getenv().getOrDefault("STORYBANK_STORIES_INDEX", "stories");

  private final Api gateway;
  private final Api elasticsearch =
      new Api(
          System.getenv()
              .getOrDefault(
                  "STORYBANK_ELASTICSEARCH_URL",
                  "http://127.0.0.1:"
                      + System.getenv().getOrDefault("STORYBANK_ELASTICSEARCH_PORT", "9200")));
  private final List<String> tokens = new ArrayList<>();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong waiting = new AtomicLong();
  private final ScheduledExecutorService checks = Executors.newScheduledThreadPool(4);
  private final Map<Integer, AtomicLong> refusals = new ConcurrentHashMap<>();
  private final Map<Long, List<Long>> freshnessByWindow = new ConcurrentHashMap<>();
  private final Map<Long, Long> acknowledgedByWindow = new ConcurrentHashMap<>();
  private long startedAt;

  FreshnessUnderLoad(Api gateway) {
    this.gateway = gateway;
  }

  void run(double rate, int seconds) throws Exception {
    for (int n = 1; n <= ACCOUNTS; n++) {
      tokens.add(gateway.login("candidate" + n + "@demo.storybank", "demo-password"));
    }
    ExecutorService writers = Executors.newFixedThreadPool(16);
    long interval = (long) (1_000_000_000L / rate);
    long probeEvery = Math.max(1, Math.round(rate));
    System.out.printf(
        Locale.ROOT,
        "freshness under load: %.0f drafts/s for %d s by %d accounts, a probe every %d drafts%n",
        rate,
        seconds,
        ACCOUNTS,
        probeEvery);
    startedAt = System.nanoTime();
    long end = startedAt + seconds * 1_000_000_000L;
    long next = startedAt;
    for (long sent = 0; next < end; sent++) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      String token = tokens.get((int) (sent % ACCOUNTS));
      if (sent % probeEvery == 0) {
        writers.submit(() -> probe(token));
      } else {
        writers.submit(() -> draft(token, "load"));
      }
      next += interval;
      if (sent % Math.max(1, (long) rate * 10) == 0 && sent > 0) {
        System.out.printf(
            Locale.ROOT,
            "  %3d s: %d drafts acknowledged, %d probes waiting to be found%n",
            (System.nanoTime() - startedAt) / 1_000_000_000L,
            acknowledged.get(),
            waiting.get());
      }
    }
    writers.shutdown();
    writers.awaitTermination(2, TimeUnit.MINUTES);
    long giveUp = System.nanoTime() + GIVE_UP_NANOS;
    while (waiting.get() > 0 && System.nanoTime() < giveUp) {
      Thread.sleep(100);
    }
    checks.shutdownNow();
    for (long window = 0; window <= window(end - 1); window++) {
      printWindow(window);
    }
    List<Long> all = new ArrayList<>();
    freshnessByWindow.values().forEach(all::addAll);
    Collections.sort(all);
    System.out.printf(
        Locale.ROOT,
        "whole run: %d drafts acknowledged (%.1f/s), refused %s; freshness of %d probes"
            + " (%d never found within %d s) p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
        acknowledged.get(),
        acknowledged.get() / (double) seconds,
        refusals,
        all.size(),
        waiting.get(),
        GIVE_UP_NANOS / 1_000_000_000L,
        millis(all, 50),
        millis(all, 99),
        all.isEmpty() ? 0.0 : all.get(all.size() - 1) / 1000.0);
  }

  private void printWindow(long window) {
    List<Long> freshness = new ArrayList<>(freshnessByWindow.getOrDefault(window, List.of()));
    Collections.sort(freshness);
    System.out.printf(
        Locale.ROOT,
        "  %3d–%3d s: %5.1f drafts/s acknowledged, freshness of %2d probes p50 %6.0f ms,"
            + " p99 %6.0f ms%n",
        window * 10,
        window * 10 + 10,
        acknowledgedByWindow.getOrDefault(window, 0L) / 10.0,
        freshness.size(),
        millis(freshness, 50),
        millis(freshness, 99));
  }

  private long window(long nanos) {
    return (nanos - startedAt) / WINDOW_NANOS;
  }

  private String draft(String token, String marker) {
    try {
      Api.Response created =
          gateway.post(
              "/api/stories",
              token,
              FreshnessBenchmark.story(
                  "Load story",
                  "I traced the failures to an upload race, marked "
                      + marker
                      + ", and added a gate."));
      if (created.status() == 201) {
        acknowledged.incrementAndGet();
        acknowledgedByWindow.merge(window(System.nanoTime()), 1L, Long::sum);
        return created.body().path("id").asText();
      }
      refusals.computeIfAbsent(created.status(), status -> new AtomicLong()).incrementAndGet();
    } catch (Exception e) {
      refusals.computeIfAbsent(-1, status -> new AtomicLong()).incrementAndGet();
    }
    return null;
  }

  private void probe(String token) {
    String storyId = draft(token, "probe");
    if (storyId == null) {
      return;
    }
    waiting.incrementAndGet();
    long accepted = System.nanoTime();
    checks.schedule(() -> check(storyId, accepted), 20, TimeUnit.MILLISECONDS);
  }

  /**
   * Counts the probe in the stories index, which is what every search reads: found there, it is
   * found by search. Asked of Elasticsearch itself, because a whole prompt search every few
   * milliseconds per probe would be a large part of the load it measures.
   */
  private void check(String storyId, long accepted) {
    boolean found;
    try {
      found =
          elasticsearch
                  .post(
                      "/" + STORIES_INDEX + "/_count",
                      null,
                      Map.of("query", Map.of("ids", Map.of("values", List.of(storyId)))))
                  .body()
                  .path("count")
                  .asLong()
              > 0;
    } catch (Exception e) {
      found = false;
    }
    long now = System.nanoTime();
    if (found) {
      waiting.decrementAndGet();
      freshnessByWindow
          .computeIfAbsent(window(accepted), w -> Collections.synchronizedList(new ArrayList<>()))
          .add((now - accepted) / 1_000);
      return;
    }
    if (now - accepted < GIVE_UP_NANOS) {
      checks.schedule(() -> check(storyId, accepted), 25, TimeUnit.MILLISECONDS);
    }
  }

  private static double millis(List<Long> sorted, double percentile) {
    return sorted.isEmpty() ? 0.0 : FreshnessBenchmark.percentile(sorted, percentile) / 1000.0;
  }
}
