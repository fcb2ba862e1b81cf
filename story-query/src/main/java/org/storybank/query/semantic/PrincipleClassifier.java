package org.storybank.query.semantic;

import java.util.ArrayList;
import java.util.List;

/**
 * A multinomial logistic model from a question's sentence vector to the principle it probes: one
 * weight row per principle (its bias first), over the vector scaled to length 10. Learned offline
 * ({@code PrincipleClassifierTrainer}) and shipped as data.
 */
public record PrincipleClassifier(List<String> principles, double[][] weights) {

  /** The probability of each principle, in the order of {@link #principles()}. */
  public double[] probabilities(float[] vector) {
    double[] x = features(vector);
    double[] z = new double[weights.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < weights.length; c++) {
      for (int j = 0; j < x.length; j++) {
        z[c] += weights[c][j] * x[j];
      }
      max = Math.max(max, z[c]);
    }
    double sum = 0;
    for (int c = 0; c < z.length; c++) {
      z[c] = Math.exp(z[c] - max);
      sum += z[c];
    }
    for (int c = 0; c < z.length; c++) {
      z[c] /= sum;
    }
    return z;
  }

  /** The principles, the likeliest first. */
  public List<String> ranked(float[] vector) {
    double[] p = probabilities(vector);
    List<Integer> index = new ArrayList<>();
    for (int c = 0; c < p.length; c++) {
      index.add(c);
    }
    index.sort((a, b) -> Double.compare(p[b], p[a]));
    return index.stream().map(principles::get).toList();
  }

  /** The bias term, then the vector at length 10 (so that weights stay of a usual size). */
  public static double[] features(float[] vector) {
    double norm = 0;
    for (float value : vector) {
      norm += value * value;
    }
    norm = Math.sqrt(norm);
    double[] x = new double[vector.length + 1];
    x[0] = 1;
    for (int i = 0; i < vector.length; i++) {
      x[i + 1] = norm == 0 ? 0 : vector[i] / norm * 10;
    }
    return x;
  }

  /** Learns the weights by full-batch gradient descent on (vector, principle) examples. */
  public static PrincipleClassifier learn(
      List<float[]> vectors, List<String> labels, double lambda, int epochs) {
    List<String> principles = labels.stream().distinct().sorted().toList();
    int d = vectors.get(0).length + 1;
    double[][] w = new double[principles.size()][d];
    List<double[]> xs = new ArrayList<>();
    vectors.forEach(v -> xs.add(features(v)));
    PrincipleClassifier model = new PrincipleClassifier(principles, w);
    for (int epoch = 0; epoch < epochs; epoch++) {
      double[][] gradient = new double[principles.size()][d];
      for (int i = 0; i < xs.size(); i++) {
        double[] x = xs.get(i);
        double[] p = model.probabilities(vectors.get(i));
        int y = principles.indexOf(labels.get(i));
        for (int c = 0; c < principles.size(); c++) {
          double error = p[c] - (c == y ? 1 : 0);
          for (int j = 0; j < d; j++) {
            gradient[c][j] += error * x[j];
          }
        }
      }
      for (int c = 0; c < principles.size(); c++) {
        for (int j = 0; j < d; j++) {
          w[c][j] -= 2.0 * (gradient[c][j] / xs.size() + (j == 0 ? 0 : lambda * w[c][j]));
        }
      }
    }
    return model;
  }
}
