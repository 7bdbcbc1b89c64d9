package dev.vitrina.forecast.disagg;

import dev.vitrina.core.check.Checks;

/**
 * Splits parent forecasts among children by shares, so that children sum back to the parent: each
 * child gets {@code parent * share}, and the rounding residual {@code parent - sum(children)} is
 * added to the child with the largest share, so the sum is the parent's forecast to the last bit of
 * double rounding (tests check {@code |sum - parent| <= 1e-12 * max(1, parent)}).
 */
public final class Disaggregator {

  private Disaggregator() {}

  /**
   * Disaggregates.
   *
   * @param parentForecast {@code parents * horizon}, series-major
   * @param horizon periods per parent
   * @param parentOf the parent of each child
   * @param shares each child's share ({@link Shares#compute}); per parent they must sum to 1
   * @return {@code children * horizon}
   */
  public static double[] disaggregate(
      double[] parentForecast, int horizon, int[] parentOf, double[] shares) {
    Checks.atLeast("horizon", horizon, 1);
    Checks.require(
        parentForecast.length % horizon == 0,
        "parentForecast length " + parentForecast.length + " is not a multiple of " + horizon);
    int parents = parentForecast.length / horizon;
    int n = parentOf.length;
    Checks.require(shares.length == n, "shares must have one entry per child (" + n + ")");
    Shares.checkParents(parentOf, parents);
    int[] largest = new int[parents];
    java.util.Arrays.fill(largest, -1);
    double[] shareSum = new double[parents];
    for (int c = 0; c < n; c++) {
      int p = parentOf[c];
      shareSum[p] += shares[c];
      if (largest[p] < 0 || shares[c] > shares[largest[p]]) {
        largest[p] = c;
      }
    }
    for (int p = 0; p < parents; p++) {
      Checks.require(
          largest[p] < 0 || Math.abs(shareSum[p] - 1) < 1e-9,
          "shares of parent " + p + " sum to " + shareSum[p] + ", must sum to 1");
    }
    double[] out = new double[n * horizon];
    double[] sum = new double[parents * horizon];
    for (int c = 0; c < n; c++) {
      int p = parentOf[c];
      for (int k = 0; k < horizon; k++) {
        double v = parentForecast[p * horizon + k] * shares[c];
        out[c * horizon + k] = v;
        sum[p * horizon + k] += v;
      }
    }
    for (int p = 0; p < parents; p++) {
      int c = largest[p];
      if (c < 0) {
        continue;
      }
      for (int k = 0; k < horizon; k++) {
        out[c * horizon + k] += parentForecast[p * horizon + k] - sum[p * horizon + k];
      }
    }
    return out;
  }
}
