package org.storybank.evaluation.labelled;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.storybank.evaluation.analysis.Evaluation;
import org.storybank.evaluation.analysis.StoryAnalyser;
import org.storybank.rubric.PitfallIds;

/**
 * Compares the analyser with a coach's labels: meets-bar agreement, and precision, recall and F1
 * per fixed pitfall and over all of them (micro-averaged). Pitfalls of one principle only are not
 * counted, since the labels name only the twelve fixed ones.
 */
public final class AgreementReport {

  private final Map<String, int[]> counts = new LinkedHashMap<>();
  private final List<String> disagreements = new ArrayList<>();
  private int stories;
  private int agreed;

  public AgreementReport(StoryAnalyser analyser, List<LabelledStory> set) {
    PitfallIds.FIXED.forEach(id -> counts.put(id, new int[3]));
    for (LabelledStory story : set) {
      Evaluation evaluation = analyser.evaluate(story.input());
      stories++;
      if (evaluation.meetsBar() == story.expected().meetsBar()) {
        agreed++;
      }
      Set<String> expected = Set.copyOf(story.expected().pitfalls());
      List<String> missed = new ArrayList<>();
      List<String> extra = new ArrayList<>();
      for (String id : PitfallIds.FIXED) {
        boolean found = evaluation.hasPitfall(id);
        boolean labelled = expected.contains(id);
        int[] c = counts.get(id);
        if (found && labelled) {
          c[0]++;
        } else if (found) {
          c[1]++;
          extra.add(id);
        } else if (labelled) {
          c[2]++;
          missed.add(id);
        }
      }
      if (evaluation.meetsBar() != story.expected().meetsBar()
          || !missed.isEmpty()
          || !extra.isEmpty()) {
        disagreements.add(
            String.format(
                Locale.ROOT,
                "%-6s %-8s %-34s meetsBar %s/%s score %3d  missed %s  extra %s",
                story.id(),
                story.level(),
                story.principle(),
                evaluation.meetsBar(),
                story.expected().meetsBar(),
                evaluation.score(),
                missed,
                extra));
      }
    }
  }

  public double agreement() {
    return stories == 0 ? 0 : (double) agreed / stories;
  }

  /** F1 of one pitfall; 1 when it was neither labelled nor found. */
  public double f1(String pitfall) {
    int[] c = counts.get(pitfall);
    return f1(c[0], c[1], c[2]);
  }

  public double microF1() {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int[] c : counts.values()) {
      tp += c[0];
      fp += c[1];
      fn += c[2];
    }
    return f1(tp, fp, fn);
  }

  public double microPrecision() {
    int[] sum = sum();
    return sum[0] + sum[1] == 0 ? 1 : (double) sum[0] / (sum[0] + sum[1]);
  }

  public double microRecall() {
    int[] sum = sum();
    return sum[0] + sum[2] == 0 ? 1 : (double) sum[0] / (sum[0] + sum[2]);
  }

  private int[] sum() {
    int[] sum = new int[3];
    for (int[] c : counts.values()) {
      for (int i = 0; i < 3; i++) {
        sum[i] += c[i];
      }
    }
    return sum;
  }

  private static double f1(int tp, int fp, int fn) {
    double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  public String render(String title) {
    return render(title, true);
  }

  /** Without {@code details}, the disagreements story by story are left out. */
  public String render(String title, boolean details) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%n== %s: %d stories ==%n", title, stories));
    out.append(
        String.format(
            Locale.ROOT,
            "meets-bar agreement %.1f%% (%d/%d)%n",
            100 * agreement(),
            agreed,
            stories));
    out.append(
        String.format(
            Locale.ROOT,
            "%-22s %5s %5s %5s %9s %7s %5s%n",
            "pitfall",
            "tp",
            "fp",
            "fn",
            "precision",
            "recall",
            "F1"));
    counts.forEach(
        (id, c) -> {
          double precision = c[0] + c[1] == 0 ? Double.NaN : (double) c[0] / (c[0] + c[1]);
          double recall = c[0] + c[2] == 0 ? Double.NaN : (double) c[0] / (c[0] + c[2]);
          out.append(
              String.format(
                  Locale.ROOT,
                  "%-22s %5d %5d %5d %9.2f %7.2f %5.2f%n",
                  id,
                  c[0],
                  c[1],
                  c[2],
                  precision,
                  recall,
                  f1(c[0], c[1], c[2])));
        });
    out.append(
        String.format(
            Locale.ROOT,
            "micro-F1 %.3f (precision %.3f, recall %.3f)%n",
            microF1(),
            microPrecision(),
            microRecall()));
    if (details && !disagreements.isEmpty()) {
      out.append("disagreements:\n");
      disagreements.forEach(line -> out.append("  ").append(line).append('\n'));
    }
    return out.toString();
  }
}
