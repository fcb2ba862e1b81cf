package org.storybank.evaluation.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.storybank.evaluation.analysis.Evaluation;
import org.storybank.evaluation.analysis.StoryAnalyser;
import org.storybank.evaluation.analysis.StoryInput;
import org.storybank.evaluation.labelled.LabelledSet;
import org.storybank.evaluation.labelled.LabelledStory;
import org.storybank.rubric.RubricCatalog;

/**
 * How fast the analyser is on one thread: warms up, then evaluates the labelled set over and over
 * for about ten seconds and prints stories per second and per-story latency. A main class, not a
 * test, so a slow machine never fails the build. Arguments: [measureSeconds] [warmupSeconds].
 *
 * <pre>
 * mvn -q -pl evaluation test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.storybank.evaluation.bench.AnalyserBenchmark
 * </pre>
 */
public final class AnalyserBenchmark {

  private AnalyserBenchmark() {}

  public static void main(String[] args) {
    double measureSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
    double warmupSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
    StoryAnalyser analyser = new StoryAnalyser(RubricCatalog.load());
    List<StoryInput> stories = LabelledSet.all().stream().map(LabelledStory::input).toList();

    long sink = warmUp(analyser, stories, warmupSeconds);

    long[] nanos = new long[1 << 20];
    long start = System.nanoTime();
    long deadline = start + (long) (measureSeconds * 1e9);
    int count = 0;
    while (System.nanoTime() < deadline && count < nanos.length) {
      StoryInput story = stories.get(count % stories.size());
      long before = System.nanoTime();
      Evaluation evaluation = analyser.evaluate(story);
      nanos[count++] = System.nanoTime() - before;
      sink += evaluation.score();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] measured = Arrays.copyOf(nanos, count);
    Arrays.sort(measured);
    System.out.printf(
        Locale.ROOT,
        "analyser, one thread: %d evaluations of %d distinct stories in %.1f s%n"
            + "  %.0f stories/s%n"
            + "  per story: mean %.1f us, p50 %.1f us, p99 %.1f us, max %.1f us%n"
            + "  (checksum %d)%n",
        count,
        stories.size(),
        elapsed,
        count / elapsed,
        Arrays.stream(measured).average().orElse(0) / 1e3,
        percentile(measured, 0.50) / 1e3,
        percentile(measured, 0.99) / 1e3,
        measured[measured.length - 1] / 1e3,
        sink);
  }

  private static long warmUp(StoryAnalyser analyser, List<StoryInput> stories, double seconds) {
    long sink = 0;
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    for (int i = 0; System.nanoTime() < deadline; i++) {
      sink += analyser.evaluate(stories.get(i % stories.size())).score();
    }
    return sink;
  }

  private static double percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
  }
}
