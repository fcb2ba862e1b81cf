package org.storybank.command.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.storybank.api.Level;
import org.storybank.api.story.Actor;
import org.storybank.api.story.DraftStory;
import org.storybank.api.story.PromptLink;
import org.storybank.api.story.StarText;
import org.storybank.api.story.StoryCommands.TagPrinciple;
import org.storybank.api.story.StoryCommands.UntagPrinciple;
import org.storybank.command.StoryCommandApplication;
import org.storybank.infra.TestServers;

/**
 * A simple load loop on the real PostgreSQL event store: N writer threads each draft a story, then
 * tag and untag a principle on it over and over (one event per command), for a fixed time. Prints
 * commands/s, events/s and the latency of one command. Run with {@code ./storybank bench command}.
 */
public final class AppendBenchmark {

  private static final StarText STAR =
      new StarText(
          "A queue backed up every Monday.",
          "Nobody owned the consumer.",
          "I added back-pressure and an alarm.",
          "The backlog went from two hours to four minutes.");

  public static void main(String[] args) throws Exception {
    int threads = Integer.getInteger("threads", 8);
    Duration warmup = Duration.ofSeconds(Long.getLong("warmupSeconds", 5));
    Duration measured = Duration.ofSeconds(Long.getLong("seconds", 20));
    TestServers servers = TestServers.shared();
    String database = servers.newDatabase();
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(StoryCommandApplication.class)
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + servers.postgresUser(),
                "--spring.datasource.password=" + servers.postgresPassword(),
                "--spring.datasource.hikari.maximum-pool-size=" + (threads + 4),
                "--spring.kafka.bootstrap-servers=" + servers.kafkaBootstrapServers(),
                "--spring.jmx.enabled=false",
                "--logging.level.root=WARN")) {
      CommandGateway commands = context.getBean(CommandGateway.class);
      System.out.printf(
          "append benchmark: %d writer threads, %s warm-up, %s measured%n",
          threads, warmup, measured);
      run(commands, threads, warmup);
      Result result = run(commands, threads, measured);
      System.out.printf(
          "commands: %d in %.1f s = %.0f commands/s = %.0f events/s appended%n",
          result.commands,
          result.seconds,
          result.commands / result.seconds,
          result.commands / result.seconds);
      System.out.printf(
          "latency of one command: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          result.percentile(0.50), result.percentile(0.99), result.percentile(1.0));
    }
    // the shared test servers keep threads of their own alive; the figures are printed, so end here
    // (shutdown hooks still drop the scratch database)
    System.exit(0);
  }

  private record Result(long commands, double seconds, long[] latenciesNanos) {
    double percentile(double p) {
      long[] sorted = latenciesNanos.clone();
      Arrays.sort(sorted);
      if (sorted.length == 0) {
        return 0;
      }
      int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
      return sorted[Math.max(0, index)] / 1_000_000.0;
    }
  }

  private static Result run(CommandGateway commands, int threads, Duration duration)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<long[]>> writers = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < threads; i++) {
      writers.add(pool.submit(() -> writer(commands, stop)));
    }
    Thread.sleep(duration.toMillis());
    stop.set(true);
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> writer : writers) {
      all.add(writer.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    long[] latencies = all.stream().flatMapToLong(Arrays::stream).toArray();
    return new Result(latencies.length, seconds, latencies);
  }

  private static long[] writer(CommandGateway commands, AtomicBoolean stop) {
    Actor author = Actor.candidate("bench-" + UUID.randomUUID(), List.of("bench"));
    String storyId = UUID.randomUUID().toString();
    List<Long> latencies = new ArrayList<>();
    timed(
        latencies,
        () ->
            commands.sendAndWait(
                new DraftStory(
                    storyId,
                    author,
                    "bench",
                    "Load loop",
                    List.of("ownership"),
                    List.of(new PromptLink("p1", "Tell me about a time", "")),
                    Level.MID,
                    STAR)));
    boolean tagged = false;
    while (!stop.get()) {
      boolean tag = !tagged;
      timed(
          latencies,
          () ->
              commands.sendAndWait(
                  tag
                      ? new TagPrinciple(storyId, author, "dive-deep")
                      : new UntagPrinciple(storyId, author, "dive-deep")));
      tagged = tag;
    }
    return latencies.stream().mapToLong(Long::longValue).toArray();
  }

  private static void timed(List<Long> latencies, Runnable command) {
    long start = System.nanoTime();
    command.run();
    latencies.add(System.nanoTime() - start);
  }
}
