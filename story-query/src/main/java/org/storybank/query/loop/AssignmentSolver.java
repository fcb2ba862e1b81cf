package org.storybank.query.loop;

import java.util.Arrays;

/**
 * Maximum-weight bipartite matching (the Hungarian algorithm, O(n²m)): each row gets at most one
 * column and each column at most one row. First as many rows as possible are matched, then the
 * total weight is as high as it can be among those matchings. A weight of {@link Double#NaN} means
 * the pair is not allowed; other weights must not be negative.
 */
final class AssignmentSolver {

  static final double NOT_ALLOWED = Double.NaN;

  private AssignmentSolver() {}

  /** For each row the column it gets, or -1. */
  static int[] maximize(double[][] weights) {
    int rows = weights.length;
    int[] answer = new int[rows];
    Arrays.fill(answer, -1);
    if (rows == 0) {
      return answer;
    }
    int columns = weights[0].length;
    double heaviest = 0;
    for (double[] row : weights) {
      if (row.length != columns) {
        throw new IllegalArgumentException("every row needs " + columns + " weights");
      }
      for (double weight : row) {
        if (!Double.isNaN(weight)) {
          if (weight < 0) {
            throw new IllegalArgumentException("weights must not be negative: " + weight);
          }
          heaviest = Math.max(heaviest, weight);
        }
      }
    }
    // one more matched row outweighs any difference in total weight
    double perMatch = rows * (heaviest + 1) + 1;
    // padded with columns that stand for "unmatched", so rows never outnumber columns
    int width = Math.max(columns, rows);
    double[][] cost = new double[rows][width];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        double weight = weights[i][j];
        cost[i][j] = Double.isNaN(weight) ? 0 : -(perMatch + weight);
      }
    }
    int[] columnOf = minimumCost(cost);
    for (int i = 0; i < rows; i++) {
      int j = columnOf[i];
      answer[i] = j < columns && !Double.isNaN(weights[i][j]) ? j : -1;
    }
    return answer;
  }

  /** Hungarian algorithm with potentials on a rows ≤ columns cost matrix; column of each row. */
  private static int[] minimumCost(double[][] cost) {
    int n = cost.length;
    int m = cost[0].length;
    double[] u = new double[n + 1];
    double[] v = new double[m + 1];
    int[] rowOfColumn = new int[m + 1];
    int[] way = new int[m + 1];
    for (int i = 1; i <= n; i++) {
      rowOfColumn[0] = i;
      int j0 = 0;
      double[] minv = new double[m + 1];
      Arrays.fill(minv, Double.POSITIVE_INFINITY);
      boolean[] used = new boolean[m + 1];
      do {
        used[j0] = true;
        int i0 = rowOfColumn[j0];
        double delta = Double.POSITIVE_INFINITY;
        int j1 = 0;
        for (int j = 1; j <= m; j++) {
          if (!used[j]) {
            double reduced = cost[i0 - 1][j - 1] - u[i0] - v[j];
            if (reduced < minv[j]) {
              minv[j] = reduced;
              way[j] = j0;
            }
            if (minv[j] < delta) {
              delta = minv[j];
              j1 = j;
            }
          }
        }
        for (int j = 0; j <= m; j++) {
          if (used[j]) {
            u[rowOfColumn[j]] += delta;
            v[j] -= delta;
          } else {
            minv[j] -= delta;
          }
        }
        j0 = j1;
      } while (rowOfColumn[j0] != 0);
      do {
        int j1 = way[j0];
        rowOfColumn[j0] = rowOfColumn[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    int[] columnOfRow = new int[n];
    for (int j = 1; j <= m; j++) {
      if (rowOfColumn[j] != 0) {
        columnOfRow[rowOfColumn[j] - 1] = j - 1;
      }
    }
    return columnOfRow;
  }
}
