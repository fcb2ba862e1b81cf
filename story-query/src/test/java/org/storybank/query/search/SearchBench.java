package org.storybank.query.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.storybank.query.semantic.QuestionReader;
import org.storybank.query.semantic.SentenceEmbeddings;
import org.storybank.query.support.CpuClock;
import org.storybank.query.support.TestIndexes;

/**
 * The search half of the search benchmark: {@code clients} threads each ask {@code queries}
 * questions, 70 % as a candidate (their own 100 stories) and 30 % as a coach (a cohort's 1,000),
 * and the latency of every search is kept. The first pass over the distinct questions (model not
 * yet asked) is reported apart; then a warm-up of the same load, unmeasured, lets both JVMs compile
 * their hot paths, as a long-running service has; then the measured run.
 */
public final class SearchBench {

  private static final int WARM_UP_QUERIES_PER_CLIENT = 100;

  private final StorySearch search;
  private final List<String> questions;
  private final int candidates;
  private final int cohorts;

  private SearchBench(StorySearch search, List<String> questions, int stories) {
    this.search = search;
    this.questions = questions;
    this.candidates = Math.max(1, stories / 100);
    this.cohorts = Math.max(1, candidates / 10);
  }

  public static void run(
      TestIndexes indexes,
      SentenceEmbeddings embeddings,
      QuestionReader questionReader,
      List<String> questions,
      int stories,
      int clients,
      int queries)
      throws Exception {
    SearchBench bench =
        new SearchBench(
            new StorySearch(indexes.elasticsearch, indexes.stories, embeddings, questionReader),
            questions,
            stories);

    List<Long> cold = new ArrayList<>();
    for (String question : questions) {
      long started = System.nanoTime();
      bench.search.search(new SearchScope.OwnStories("candidate-0"), StoryQuery.text(question, 10));
      cold.add((System.nanoTime() - started) / 1_000);
    }
    report("first ask of each question (one client, model runs)", cold, 0);

    bench.load(clients, WARM_UP_QUERIES_PER_CLIENT, 1_000);
    CpuClock cpu = new CpuClock(indexes.elasticsearch);
    long started = System.nanoTime();
    List<Long> all = bench.load(clients, queries, 0);
    double seconds = (System.nanoTime() - started) / 1e9;
    CpuClock.Spent spent = cpu.spent();
    report(
        String.format(
            Locale.ROOT, "prompt search over %,d stories, %d concurrent clients", stories, clients),
        all,
        seconds);
    System.out.printf(
        Locale.ROOT,
        "CPU per search: %.1f ms in Elasticsearch, %.1f ms in the searching JVM%n",
        spent.elasticsearchMillis() / (double) all.size(),
        spent.ownMillis() / (double) all.size());

    // the same clients at a steady pace instead of as fast as they can: latency counted from the
    // moment each search was due, so a slow answer delays none of the later ones' clocks
    double capacity = all.size() / seconds;
    for (double share : OFFERED_SHARES) {
      double rate = capacity * share;
      List<Long> paced = bench.paced(clients, rate, PACED_SECONDS);
      report(
          String.format(
              Locale.ROOT,
              "paced at %,.0f searches/s (%.0f%% of that rate), %d clients",
              rate,
              share * 100,
              clients),
          paced,
          0);
    }
  }

  private static final double[] OFFERED_SHARES = {0.25, 0.5, 0.75};
  private static final int PACED_SECONDS = 20;

  /** Every client asks at {@code rate / clients} per second, on a schedule, for {@code seconds}. */
  private List<Long> paced(int clients, double rate, int seconds) throws Exception {
    long intervalNanos = (long) (clients * 1e9 / rate);
    int perClient = (int) Math.max(1, seconds * rate / clients);
    long start = System.nanoTime() + 100_000_000;
    return onClients(
        clients,
        client -> {
          Random random = new Random(2_000 + client);
          long first = start + intervalNanos * client / clients;
          List<Long> latencies = new ArrayList<>(perClient);
          for (int i = 0; i < perClient; i++) {
            long due = first + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
              java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            askOne(random);
            latencies.add((System.nanoTime() - due) / 1_000);
          }
          return latencies;
        });
  }

  /** Every client asks {@code queries} questions one after another; the latencies of all. */
  private List<Long> load(int clients, int queries, int seed) throws Exception {
    return onClients(clients, client -> ask(new Random(seed + client), queries));
  }

  /** What one client thread does, given its number; answers its latencies. */
  private interface Client {
    List<Long> run(int client) throws Exception;
  }

  private static List<Long> onClients(int clients, Client work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<List<Long>>> futures = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        int number = client;
        futures.add(pool.submit(() -> work.run(number)));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> future : futures) {
        all.addAll(future.get());
      }
      return all;
    } finally {
      pool.shutdown();
    }
  }

  private List<Long> ask(Random random, int queries) {
    List<Long> latencies = new ArrayList<>(queries);
    for (int i = 0; i < queries; i++) {
      long asked = System.nanoTime();
      askOne(random);
      latencies.add((System.nanoTime() - asked) / 1_000);
    }
    return latencies;
  }

  /** One question, as a candidate (70 %) or as a coach of one cohort (30 %). */
  private void askOne(Random random) {
    String question = questions.get(random.nextInt(questions.size()));
    SearchScope scope =
        random.nextInt(10) < 7
            ? new SearchScope.OwnStories("candidate-" + random.nextInt(candidates))
            : new SearchScope.CohortStories(List.of("cohort-" + random.nextInt(cohorts)));
    SearchResult result = search.search(scope, StoryQuery.text(question, 10));
    if (result.hits().isEmpty() && scope instanceof SearchScope.OwnStories) {
      throw new IllegalStateException("no hit for " + question + " in " + scope);
    }
  }

  private static void report(String what, List<Long> micros, double seconds) {
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%s: %,d searches, p50 %.1f ms, p99 %.1f ms, max %.1f ms%s%n",
        what,
        sorted.size(),
        percentile(sorted, 50) / 1000.0,
        percentile(sorted, 99) / 1000.0,
        sorted.get(sorted.size() - 1) / 1000.0,
        seconds > 0
            ? String.format(Locale.ROOT, ", %,.0f searches/s", sorted.size() / seconds)
            : "");
  }

  private static long percentile(List<Long> sorted, double p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
