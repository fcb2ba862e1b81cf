package org.storybank.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./storybank bench freshness --load RATE [--seconds S]}: against a running {@code
 * ./storybank up}, the six demo candidates draft stories through the gateway at RATE stories/s in
 * all (each account within its write limit of 20/s sustained), and four times a second one of those
 * drafts is a probe whose time from accepted to searchable is measured. Prints, for every ten
 * seconds, the drafts acknowledged per second and the probes' freshness p50/p99/max, then the whole
 * run's: a read side that keeps up holds freshness flat; one that falls behind shows it growing
 * window after window.
 */
final class FreshnessUnderLoad {

  private static final int ACCOUNTS = 6;
  private static final long WINDOW_NANOS = 10_000_000_000L;

  private final Api gateway;
  private final List<String> tokens = new ArrayList<>();
  private final AtomicLong acknowledged = new AtomicLong();
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
    ExecutorService probes = Executors.newFixedThreadPool(8);
    long interval = (long) (1_000_000_000L / rate);
    long probeEvery = Math.max(1, Math.round(rate / 4));
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
        probes.submit(() -> probe(token));
      } else {
        writers.submit(() -> draft(token, "load"));
      }
      next += interval;
      if (sent % Math.max(1, (long) rate * 10) == 0 && sent > 0) {
        printWindow(window(System.nanoTime()) - 1);
      }
    }
    writers.shutdown();
    probes.shutdown();
    writers.awaitTermination(2, TimeUnit.MINUTES);
    probes.awaitTermination(2, TimeUnit.MINUTES);
    for (long window = window(System.nanoTime()) - 1; window <= window(end - 1); window++) {
      printWindow(window);
    }
    List<Long> all = new ArrayList<>();
    freshnessByWindow.values().forEach(all::addAll);
    Collections.sort(all);
    System.out.printf(
        Locale.ROOT,
        "whole run: %d drafts acknowledged (%.1f/s), refused %s; freshness of %d probes"
            + " p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
        acknowledged.get(),
        acknowledged.get() / (double) seconds,
        refusals,
        all.size(),
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
              Map.of(
                  "title",
                  "Load story",
                  "principles",
                  List.of("ownership"),
                  "prompts",
                  List.of(),
                  "level",
                  "mid",
                  "situation",
                  "Deploys failed one time in five and nobody owned the pipeline.",
                  "task",
                  "Find out why and fix it for every team.",
                  "action",
                  "I traced the failures to an upload race, marked "
                      + marker
                      + ", and added a gate.",
                  "result",
                  "Failures fell from 20% to under 1% within two weeks."));
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
    String marker = "fresh" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    if (draft(token, marker) == null) {
      return;
    }
    long accepted = System.nanoTime();
    try {
      while (gateway.get("/api/search/stories?q=" + marker, token).body().path("total").asLong()
          == 0) {
        if (System.nanoTime() - accepted > 120_000_000_000L) {
          break;
        }
        Thread.sleep(20);
      }
    } catch (Exception e) {
      return;
    }
    freshnessByWindow
        .computeIfAbsent(window(accepted), w -> Collections.synchronizedList(new ArrayList<>()))
        .add((System.nanoTime() - accepted) / 1_000);
  }

  private static double millis(List<Long> sorted, double percentile) {
    return sorted.isEmpty() ? 0.0 : FreshnessBenchmark.percentile(sorted, percentile) / 1000.0;
  }
}
