package dev.vitrina.forecast.disagg;

import dev.vitrina.core.check.Checks;

/**
 * Historical shares of children within their parents, from a trailing window of the children's
 * history.
 *
 * <p><b>Rule for series without recent sales</b> (explicit, tested): a child with no sales in the
 * window gets share 0 while a sibling sold; when no child of a parent sold anything in the window
 * (or, for average of proportions, no period had parent sales), the parent's forecast is split
 * equally among its children that existed in the window (a non-NaN value), or among all its
 * children when none did. Either way each parent's shares sum to 1, so disaggregated forecasts add
 * up to the parent's. A parent without children cannot be disaggregated: its forecast is reported
 * as lost by {@link Disaggregator}.
 *
 * <p>O(children * window) time, O(parents) extra memory.
 */
public final class Shares {

  private Shares() {}

  /**
   * Computes the share of each child within its parent.
   *
   * @param window the children's trailing history, dense {@code children * periods}, series-major;
   *     NaN where the child did not exist yet
   * @param periods the window length
   * @param parentOf the parent index (0 .. parents-1) of each child
   * @param parents the number of parents
   * @param method the share method
   * @return one share per child; per parent the shares sum to 1
   */
  public static double[] compute(
      float[] window, int periods, int[] parentOf, int parents, ShareMethod method) {
    int n = parentOf.length;
    Checks.atLeast("periods", periods, 1);
    Checks.require(
        window.length == (long) n * periods,
        "window must hold children * periods = " + (long) n * periods + ", got " + window.length);
    checkParents(parentOf, parents);
    double[] share = new double[n];
    double[] parentTotal = new double[parents];
    if (method == ShareMethod.PROPORTION_OF_AVERAGES) {
      for (int c = 0; c < n; c++) {
        double sum = 0;
        for (int t = c * periods; t < (c + 1) * periods; t++) {
          float v = window[t];
          if (v > 0) {
            sum += v;
          }
        }
        share[c] = sum;
        parentTotal[parentOf[c]] += sum;
      }
      for (int c = 0; c < n; c++) {
        double tot = parentTotal[parentOf[c]];
        share[c] = tot > 0 ? share[c] / tot : 0;
      }
    } else {
      double[] perPeriod = new double[parents * periods];
      for (int c = 0; c < n; c++) {
        int pb = parentOf[c] * periods;
        for (int t = 0; t < periods; t++) {
          float v = window[c * periods + t];
          if (v > 0) {
            perPeriod[pb + t] += v;
          }
        }
      }
      int[] activePeriods = new int[parents];
      for (int p = 0; p < parents; p++) {
        for (int t = 0; t < periods; t++) {
          if (perPeriod[p * periods + t] > 0) {
            activePeriods[p]++;
          }
        }
        parentTotal[p] = activePeriods[p];
      }
      for (int c = 0; c < n; c++) {
        int p = parentOf[c];
        double sum = 0;
        for (int t = 0; t < periods; t++) {
          double tot = perPeriod[p * periods + t];
          float v = window[c * periods + t];
          if (tot > 0 && v > 0) {
            sum += v / tot;
          }
        }
        share[c] = activePeriods[p] > 0 ? sum / activePeriods[p] : 0;
      }
    }
    applyEqualSplitRule(window, periods, parentOf, parents, parentTotal, share);
    return share;
  }

  /** Splits parents with no sales in the window equally among their existing children. */
  private static void applyEqualSplitRule(
      float[] window,
      int periods,
      int[] parentOf,
      int parents,
      double[] parentTotal,
      double[] share) {
    int n = parentOf.length;
    int[] existing = new int[parents];
    int[] all = new int[parents];
    boolean[] exists = new boolean[n];
    for (int c = 0; c < n; c++) {
      int p = parentOf[c];
      all[p]++;
      for (int t = c * periods; t < (c + 1) * periods; t++) {
        if (!Float.isNaN(window[t])) {
          exists[c] = true;
          existing[p]++;
          break;
        }
      }
    }
    for (int c = 0; c < n; c++) {
      int p = parentOf[c];
      if (parentTotal[p] > 0) {
        continue;
      }
      if (existing[p] > 0) {
        share[c] = exists[c] ? 1.0 / existing[p] : 0;
      } else {
        share[c] = 1.0 / all[p];
      }
    }
  }

  static void checkParents(int[] parentOf, int parents) {
    for (int c = 0; c < parentOf.length; c++) {
      if (parentOf[c] < 0 || parentOf[c] >= parents) {
        throw new IllegalArgumentException(
            "parentOf["
                + c
                + "] = "
                + parentOf[c]
                + " is outside [0, "
                + parents
                + "); every child needs a parent among the forecast series");
      }
    }
  }
}
