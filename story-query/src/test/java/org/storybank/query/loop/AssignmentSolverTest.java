package org.storybank.query.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.storybank.query.loop.AssignmentSolver.NOT_ALLOWED;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AssignmentSolverTest {

  private static final double X = NOT_ALLOWED;

  @Test
  void greedyRowByRowFailsWhereTheMatchingFillsBoth() {
    // row 0 prefers column 0, but row 1 can only take column 0: greedy leaves row 1 empty
    double[][] weights = {
      {90, 80},
      {85, X}
    };
    int[] greedy = greedy(weights);
    assertThat(greedy).containsExactly(0, -1);

    assertThat(AssignmentSolver.maximize(weights)).containsExactly(1, 0);
  }

  @Test
  void moreFilledRowsBeatAHigherTotal() {
    // taking column 0 for row 0 (100) would leave row 1 empty; two rows at 1+1 win
    double[][] weights = {
      {100, 1},
      {1, X}
    };
    assertThat(AssignmentSolver.maximize(weights)).containsExactly(1, 0);
  }

  @Test
  void amongFullMatchingsTheHeaviestWins() {
    double[][] weights = {
      {10, 60, 30},
      {50, 70, 20},
      {40, 90, 80}
    };
    // best: row0→1 (60), row1→0 (50), row2→2 (80) = 190
    assertThat(AssignmentSolver.maximize(weights)).containsExactly(1, 0, 2);
  }

  @Test
  void moreRowsThanColumnsLeavesTheWeakestRowsOut() {
    double[][] weights = {{70}, {90}, {X}};
    assertThat(AssignmentSolver.maximize(weights)).containsExactly(-1, 0, -1);
  }

  @Test
  void aRowWithNothingAllowedStaysEmpty() {
    double[][] weights = {{X, X}, {5, 6}};
    assertThat(AssignmentSolver.maximize(weights)).containsExactly(-1, 1);
  }

  @Test
  void nothingToMatch() {
    assertThat(AssignmentSolver.maximize(new double[0][0])).isEmpty();
    assertThat(AssignmentSolver.maximize(new double[][] {{}, {}})).containsExactly(-1, -1);
  }

  @Test
  void negativeWeightsAreRefused() {
    assertThatThrownBy(() -> AssignmentSolver.maximize(new double[][] {{-1}}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void agreesWithBruteForceOnRandomMatrices() {
    Random random = new Random(13);
    for (int round = 0; round < 300; round++) {
      int rows = 1 + random.nextInt(5);
      int columns = 1 + random.nextInt(6);
      double[][] weights = new double[rows][columns];
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < columns; j++) {
          weights[i][j] = random.nextInt(4) == 0 ? X : random.nextInt(100);
        }
      }
      int[] solved = AssignmentSolver.maximize(weights);
      assertValid(weights, solved);
      double[] best = bruteForce(weights, 0, new boolean[columns]);
      assertThat(new double[] {filled(solved), total(weights, solved)})
          .as("round %d", round)
          .containsExactly(best);
    }
  }

  private static void assertValid(double[][] weights, int[] solved) {
    boolean[] taken = new boolean[weights.length == 0 ? 0 : weights[0].length];
    for (int i = 0; i < solved.length; i++) {
      if (solved[i] >= 0) {
        assertThat(Double.isNaN(weights[i][solved[i]])).isFalse();
        assertThat(taken[solved[i]]).as("column %d used twice", solved[i]).isFalse();
        taken[solved[i]] = true;
      }
    }
  }

  /** {most rows filled, heaviest total among those} over every assignment. */
  private static double[] bruteForce(double[][] weights, int row, boolean[] taken) {
    if (row == weights.length) {
      return new double[] {0, 0};
    }
    double[] best = bruteForce(weights, row + 1, taken);
    for (int j = 0; j < taken.length; j++) {
      if (!taken[j] && !Double.isNaN(weights[row][j])) {
        taken[j] = true;
        double[] rest = bruteForce(weights, row + 1, taken);
        taken[j] = false;
        double[] with = {rest[0] + 1, rest[1] + weights[row][j]};
        if (with[0] > best[0] || (with[0] == best[0] && with[1] > best[1])) {
          best = with;
        }
      }
    }
    return best;
  }

  private static double filled(int[] solved) {
    return java.util.Arrays.stream(solved).filter(j -> j >= 0).count();
  }

  private static double total(double[][] weights, int[] solved) {
    double total = 0;
    for (int i = 0; i < solved.length; i++) {
      if (solved[i] >= 0) {
        total += weights[i][solved[i]];
      }
    }
    return total;
  }

  private static int[] greedy(double[][] weights) {
    int[] chosen = new int[weights.length];
    boolean[] taken = new boolean[weights[0].length];
    for (int i = 0; i < weights.length; i++) {
      chosen[i] = -1;
      for (int j = 0; j < weights[i].length; j++) {
        if (!taken[j]
            && !Double.isNaN(weights[i][j])
            && (chosen[i] < 0 || weights[i][j] > weights[i][chosen[i]])) {
          chosen[i] = j;
        }
      }
      if (chosen[i] >= 0) {
        taken[chosen[i]] = true;
      }
    }
    return chosen;
  }
}
