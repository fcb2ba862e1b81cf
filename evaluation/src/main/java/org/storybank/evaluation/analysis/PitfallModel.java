package org.storybank.evaluation.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A logistic model per pitfall over {@link PitfallFeatures}, learned on the tuning part of the
 * evaluation corpus by {@code PitfallModelTrainer} and shipped as data. The rules stay the default:
 * the model adds a pitfall no rule found only when it is fairly sure, and drops one a rule found
 * only when it is sure the rule misread the story.
 *
 * @param features the feature names the weights were learned for, in order
 * @param mean each feature's mean on the training stories
 * @param scale each feature's standard deviation there (1 where it did not vary)
 */
record PitfallModel(
    List<String> features, double[] mean, double[] scale, Map<String, Classifier> pitfalls) {

  static final String RESOURCE = "/analysis/pitfall-model.json";

  /**
   * One pitfall's weights over the standardised features; {@code addAbove} is the probability from
   * which it adds the pitfall where no rule found it, {@code keepAbove} the one below which it
   * drops a rule's finding.
   */
  record Classifier(double bias, double[] weights, double addAbove, double keepAbove) {

    boolean decide(double probability, boolean foundByRule) {
      return foundByRule ? probability >= keepAbove : probability >= addAbove;
    }

    double probability(double[] standardised) {
      double z = bias;
      for (int i = 0; i < weights.length; i++) {
        z += weights[i] * standardised[i];
      }
      return 1 / (1 + Math.exp(-z));
    }
  }

  /** The shipped model, or none when the resource is absent (the rules then decide alone). */
  static Optional<Loaded> load() {
    try (InputStream in = PitfallModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] bytes = in.readAllBytes();
      PitfallModel model = new ObjectMapper().readValue(bytes, PitfallModel.class);
      if (!model.features().equals(PitfallFeatures.names())) {
        throw new IllegalStateException(
            RESOURCE
                + " was learned for other features than the analyser computes: train it again"
                + " (PitfallModelTrainer)");
      }
      return Optional.of(new Loaded(model, shortHash(bytes)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** A model and a short hash of its file, which becomes part of the rubric version. */
  record Loaded(PitfallModel model, String hash) {}

  double[] standardise(double[] x) {
    double[] z = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      z[i] = (x[i] - mean[i]) / scale[i];
    }
    return z;
  }

  private static String shortHash(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
