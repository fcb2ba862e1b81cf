package org.storybank.evaluation.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.storybank.evaluation.labelled.LabelledSet;
import org.storybank.evaluation.labelled.LabelledStory;
import org.storybank.evaluation.labelled.PitfallCorpus;
import org.storybank.rubric.PitfallIds;
import org.storybank.rubric.RubricCatalog;

/**
 * Learns {@link PitfallModel} on the tuning part of the corpus (never the test part): an
 * L2-regularised logistic regression per pitfall over {@link PitfallFeatures}, its regularisation
 * and decision threshold chosen by five-fold cross-validation, then fitted on all of it. Our own
 * older labelled set joins with a lower weight: the rules were tuned on it, so there they look
 * better than they are. Writes {@code src/main/resources/analysis/pitfall-model.json}.
 *
 * <pre>
 * mvn -q -pl evaluation exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.storybank.evaluation.analysis.PitfallModelTrainer
 * </pre>
 */
public final class PitfallModelTrainer {

  static final double OWN_SET_WEIGHT = 0.3;
  static final double[] LAMBDAS = {0.3, 1, 3, 10, 30};
  static final int FOLDS = 5;

  /** A model must beat its rule by more than this cross-validated F1 to be used at all. */
  static final double RULE_TOLERANCE = 0.01;

  record Example(double[] x, List<String> pitfalls, double weight, boolean corpus) {}

  /**
   * What each pitfall may look at: its rule, and the few readings a coach would weigh for it. With
   * some eighty stories to learn from, a model free to weigh all features fits the writers' words,
   * not the pitfall.
   */
  static final Map<String, List<String>> READS =
      Map.ofEntries(
          Map.entry(
              PitfallIds.ASSIGNED_SCOPE_ONLY,
              List.of(
                  "star:assigned",
                  "star:initiativeStrong",
                  "star:initiativeWeak",
                  "star:trigger",
                  "star:otherTeamRole",
                  "star:orgReach",
                  "star:cost",
                  "scope:level",
                  "specific:decisions")),
          Map.entry(
              PitfallIds.MARTYRDOM,
              List.of(
                  "star:heroics",
                  "action:heroics",
                  "star:deadline",
                  "star:deadlineQuestioned",
                  "star:tradeOffNamed")),
          Map.entry(
              PitfallIds.GENERIC_EFFORT,
              List.of(
                  "star:genericEffort",
                  "action:genericEffort",
                  "specific:concrete",
                  "specific:words",
                  "words:action")),
          Map.entry(
              PitfallIds.NO_ESCALATION,
              List.of(
                  "star:escalation",
                  "action:escalation",
                  "star:troubleSevere",
                  "star:troubleSlip",
                  "star:silentCompliance",
                  "star:obstacle",
                  "star:manager",
                  "star:otherTeamRole")),
          Map.entry(
              PitfallIds.NO_FOLLOW_THROUGH,
              List.of(
                  "star:followThrough",
                  "star:followThroughWeak",
                  "result:followThrough",
                  "result:followThroughWeak",
                  "star:delivery",
                  "words:result",
                  "sentences:result",
                  "result:metrics")),
          Map.entry(
              PitfallIds.VAGUE_OUTCOME,
              List.of(
                  "result:vagueOutcome",
                  "result:concreteOutcome",
                  "result:metrics",
                  "result:measured",
                  "words:result")),
          Map.entry(
              PitfallIds.SCOPE_BELOW_LEVEL,
              List.of(
                  "scope:level",
                  "star:orgReach",
                  "star:orgActor",
                  "star:otherTeamRole",
                  "star:initiativeStrong",
                  "level:senior",
                  "level:staff")),
          Map.entry(
              PitfallIds.NO_SPECIFICS,
              List.of(
                  "specific:decisions",
                  "specific:obstacles",
                  "specific:figures",
                  "specific:names",
                  "specific:concrete",
                  "specific:words",
                  "specific:score",
                  "star:genericEffort",
                  "words:action")),
          Map.entry(
              PitfallIds.WE_NOT_I,
              List.of(
                  "agency:first",
                  "agency:collective",
                  "agency:share",
                  "action:collectiveSubject",
                  "action:firstPerson")),
          Map.entry(
              PitfallIds.UNQUANTIFIED_RESULT,
              List.of(
                  "result:metrics",
                  "result:measured",
                  "result:vagueOutcome",
                  "result:concreteOutcome")),
          Map.entry(
              PitfallIds.MISSING_STAR_PART,
              List.of(
                  "words:situation",
                  "words:task",
                  "words:action",
                  "words:result",
                  "sentences:situation",
                  "sentences:task",
                  "sentences:action",
                  "sentences:result",
                  "words:shortest")),
          Map.entry(
              PitfallIds.NO_REFLECTION,
              List.of(
                  "star:reflection",
                  "star:reflectionHollow",
                  "star:tradeOffNamed",
                  "result:reflection",
                  "star:cost")));

  private PitfallModelTrainer() {}

  public static void main(String[] args) throws IOException {
    StoryAnalyser rules = new StoryAnalyser(RubricCatalog.load(), Optional.empty());
    List<Example> examples = new ArrayList<>();
    for (LabelledStory story : PitfallCorpus.load(PitfallCorpus.TUNING)) {
      examples.add(
          new Example(rules.features(story.input()), story.expected().pitfalls(), 1, true));
    }
    for (LabelledStory story : LabelledSet.all()) {
      examples.add(
          new Example(
              rules.features(story.input()), story.expected().pitfalls(), OWN_SET_WEIGHT, false));
    }
    // the theme page's own sample answers, with the page's verdicts: a model that flags its strong
    // answers is wrong whatever else it gets right
    for (LabelledStory story : LabelledSet.load("seed/seed-samples.yaml")) {
      examples.add(
          new Example(rules.features(story.input()), story.expected().pitfalls(), 1, false));
    }
    int d = PitfallFeatures.names().size();
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (Example e : examples) {
      for (int j = 0; j < d; j++) {
        mean[j] += e.x()[j] / examples.size();
      }
    }
    for (Example e : examples) {
      for (int j = 0; j < d; j++) {
        scale[j] += Math.pow(e.x()[j] - mean[j], 2) / examples.size();
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = scale[j] < 1e-12 ? 1 : Math.sqrt(scale[j]);
    }
    List<double[]> z = new ArrayList<>();
    for (Example e : examples) {
      double[] s = new double[d];
      for (int j = 0; j < d; j++) {
        s[j] = (e.x()[j] - mean[j]) / scale[j];
      }
      z.add(s);
    }
    int[] fold = new int[examples.size()];
    Random random = new Random(17);
    for (int i = 0; i < fold.length; i++) {
      fold[i] = random.nextInt(FOLDS);
    }
    Map<String, PitfallModel.Classifier> classifiers = new LinkedHashMap<>();
    int[] micro = new int[3];
    for (String pitfall : PitfallIds.FIXED) {
      double[] y = new double[examples.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = examples.get(i).pitfalls().contains(pitfall) ? 1 : 0;
      }
      double bestF1 = -1;
      double bestLambda = 1;
      double bestThreshold = 0.5;
      double bestKeep = 0;
      int[] bestCounts = new int[3];
      for (double lambda : LAMBDAS) {
        double[] predicted = new double[y.length];
        for (int f = 0; f < FOLDS; f++) {
          List<Integer> train = new ArrayList<>();
          for (int i = 0; i < y.length; i++) {
            if (fold[i] != f) {
              train.add(i);
            }
          }
          double[] w = fit(z, y, examples, train, lambda, mask(pitfall));
          for (int i = 0; i < y.length; i++) {
            if (fold[i] == f) {
              predicted[i] = probability(w, z.get(i));
            }
          }
        }
        int ruleIndex = PitfallFeatures.names().indexOf("rule:" + pitfall);
        for (double threshold = 0.5; threshold <= 0.96; threshold += 0.05) {
          for (double keep : new double[] {0, 0.05, 0.1, 0.2}) {
            int[] counts = counts(predicted, y, examples, threshold, keep, ruleIndex);
            double f1 =
                counts[0] == 0 ? 0 : 2.0 * counts[0] / (2.0 * counts[0] + counts[1] + counts[2]);
            if (f1 > bestF1 + 1e-9) {
              bestF1 = f1;
              bestCounts = counts;
              bestLambda = lambda;
              bestThreshold = threshold;
              bestKeep = keep;
            }
          }
        }
      }
      int ruleIndex = PitfallFeatures.names().indexOf("rule:" + pitfall);
      int[] ruleCounts = counts(new double[y.length], y, examples, 2, 0, ruleIndex);
      double ruleF1 = f1(ruleCounts);
      if (ruleF1 >= bestF1 - RULE_TOLERANCE) {
        // the rule alone does about as well: no model to second-guess it (a rule says why)
        for (int k = 0; k < 3; k++) {
          micro[k] += ruleCounts[k];
        }
        System.out.printf(
            Locale.ROOT, "%-22s the rule alone: F1 %.2f (model %.2f)%n", pitfall, ruleF1, bestF1);
        continue;
      }
      for (int k = 0; k < 3; k++) {
        micro[k] += bestCounts[k];
      }
      List<Integer> all = new ArrayList<>();
      for (int i = 0; i < y.length; i++) {
        all.add(i);
      }
      double[] w = fit(z, y, examples, all, bestLambda, mask(pitfall));
      double[] weights = new double[d];
      System.arraycopy(w, 1, weights, 0, d);
      classifiers.put(
          pitfall,
          new PitfallModel.Classifier(
              round(w[0]),
              roundAll(weights),
              Math.round(bestThreshold * 100) / 100.0,
              Math.round(bestKeep * 100) / 100.0));
      System.out.printf(
          Locale.ROOT,
          "%-22s cross-validated F1 %.2f (lambda %.1f, adds from %.2f, keeps a rule's from %.2f)%n",
          pitfall,
          bestF1,
          bestLambda,
          bestThreshold,
          bestKeep);
    }
    System.out.printf(
        Locale.ROOT,
        "cross-validated micro-F1 %.3f on the tuning stories (corpus and our own set)%n",
        2.0 * micro[0] / (2.0 * micro[0] + micro[1] + micro[2]));
    PitfallModel model =
        new PitfallModel(PitfallFeatures.names(), roundAll(mean), roundAll(scale), classifiers);
    // run from the module (mvn -pl evaluation) or from the repository root
    Path resources =
        Files.isDirectory(Path.of("evaluation/src/main/resources"))
            ? Path.of("evaluation/src/main/resources")
            : Path.of("src/main/resources");
    Path out = resources.resolve(PitfallModel.RESOURCE.substring(1));
    Files.createDirectories(out.getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), model);
    System.out.println("wrote " + out.toAbsolutePath());
  }

  /** Which features a pitfall's model may weigh: its rule and what {@link #READS} names. */
  static boolean[] mask(String pitfall) {
    List<String> names = PitfallFeatures.names();
    boolean[] allowed = new boolean[names.size()];
    for (int j = 0; j < allowed.length; j++) {
      String name = names.get(j);
      allowed[j] = name.equals("rule:" + pitfall) || READS.get(pitfall).contains(name);
    }
    return allowed;
  }

  /** Weighted, L2-regularised logistic regression by gradient descent; w[0] is the bias. */
  static double[] fit(
      List<double[]> z,
      double[] y,
      List<Example> examples,
      List<Integer> rows,
      double lambda,
      boolean[] allowed) {
    int d = z.get(0).length;
    double[] w = new double[d + 1];
    double weightSum = 0;
    for (int i : rows) {
      weightSum += examples.get(i).weight();
    }
    double rate = 0.5;
    for (int iteration = 0; iteration < 600; iteration++) {
      double[] gradient = new double[d + 1];
      for (int i : rows) {
        double[] x = z.get(i);
        double error = (probability(w, x) - y[i]) * examples.get(i).weight();
        gradient[0] += error;
        for (int j = 0; j < d; j++) {
          gradient[j + 1] += error * x[j];
        }
      }
      for (int j = 0; j <= d; j++) {
        if (j > 0 && !allowed[j - 1]) {
          continue;
        }
        double penalty = j == 0 ? 0 : lambda * w[j];
        w[j] -= rate * (gradient[j] + penalty) / weightSum;
      }
    }
    return w;
  }

  static double probability(double[] w, double[] x) {
    double s = w[0];
    for (int j = 0; j < x.length; j++) {
      s += w[j + 1] * x[j];
    }
    return 1 / (1 + Math.exp(-s));
  }

  /**
   * True and false positives and false negatives over all training stories, our own set's too: it
   * holds the strong stories the rules get right, which a model that flags too much would fail.
   */
  private static int[] counts(
      double[] predicted,
      double[] y,
      List<Example> examples,
      double addAbove,
      double keepAbove,
      int ruleIndex) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < y.length; i++) {
      boolean byRule = examples.get(i).x()[ruleIndex] > 0.5;
      boolean found = byRule ? predicted[i] >= keepAbove : predicted[i] >= addAbove;
      if (found && y[i] == 1) {
        tp++;
      } else if (found) {
        fp++;
      } else if (y[i] == 1) {
        fn++;
      }
    }
    return new int[] {tp, fp, fn};
  }

  private static double f1(int[] counts) {
    return counts[0] == 0 ? 0 : 2.0 * counts[0] / (2.0 * counts[0] + counts[1] + counts[2]);
  }

  private static double round(double value) {
    return Math.round(value * 1e5) / 1e5;
  }

  private static double[] roundAll(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = round(values[i]);
    }
    return out;
  }
}
