package dev.vitrina.forecast.reconcile;

import dev.vitrina.core.check.Checks;
import dev.vitrina.forecast.disagg.Disaggregator;
import dev.vitrina.forecast.disagg.ShareMethod;
import dev.vitrina.forecast.disagg.Shares;

/**
 * Coherent forecasts for every level of a {@link Hierarchy} (Hyndman &amp; Athanasopoulos,
 * "Forecasting: Principles and Practice", 3rd ed., ch. 11): bottom-up sums the bottom forecasts up;
 * top-down splits a forecast made at some level down by historical proportions (proportion of
 * averages or average of proportions, see {@link Shares}) level by level. Both results are
 * coherent: every node equals the sum of its children (to double rounding).
 */
public final class Reconciliation {

  private Reconciliation() {}

  /**
   * Bottom-up.
   *
   * @param bottom {@code size(0) * horizon} bottom-level forecasts
   * @return forecasts per level ({@code [l][node * horizon + k]}), level 0 = {@code bottom}
   */
  public static double[][] bottomUp(Hierarchy h, double[] bottom, int horizon) {
    Checks.require(
        bottom.length == (long) h.size(0) * horizon,
        "bottom must hold size(0) * horizon = " + (long) h.size(0) * horizon);
    double[][] out = new double[h.levels()][];
    out[0] = bottom.clone();
    for (int l = 0; l + 1 < h.levels(); l++) {
      int[] p = h.parentOfShared(l);
      double[] up = new double[h.size(l + 1) * horizon];
      for (int node = 0; node < p.length; node++) {
        for (int k = 0; k < horizon; k++) {
          up[p[node] * horizon + k] += out[l][node * horizon + k];
        }
      }
      out[l + 1] = up;
    }
    return out;
  }

  /**
   * Top-down from level {@code from}: its forecasts are split down level by level with shares
   * computed from each level's trailing history; the levels above {@code from} are summed up
   * (bottom-up from {@code from}), so the whole result is coherent.
   *
   * @param forecast {@code size(from) * horizon}
   * @param history {@code history[l]}: dense {@code size(l) * periods} trailing history of every
   *     level {@code l < from} (NaN = not existing)
   * @param periods the history window length
   */
  public static double[][] topDown(
      Hierarchy h,
      int from,
      double[] forecast,
      int horizon,
      float[][] history,
      int periods,
      ShareMethod method) {
    Checks.require(from > 0 && from < h.levels(), "from must be in 1.." + (h.levels() - 1));
    Checks.require(
        forecast.length == (long) h.size(from) * horizon,
        "forecast must hold size(from) * horizon = " + (long) h.size(from) * horizon);
    double[][] out = new double[h.levels()][];
    out[from] = forecast.clone();
    for (int l = from - 1; l >= 0; l--) {
      int[] p = h.parentOfShared(l);
      double[] shares = Shares.compute(history[l], periods, p, h.size(l + 1), method);
      out[l] = Disaggregator.disaggregate(out[l + 1], horizon, p, shares);
    }
    for (int l = from; l + 1 < h.levels(); l++) {
      int[] p = h.parentOfShared(l);
      double[] up = new double[h.size(l + 1) * horizon];
      for (int node = 0; node < p.length; node++) {
        for (int k = 0; k < horizon; k++) {
          up[p[node] * horizon + k] += out[l][node * horizon + k];
        }
      }
      out[l + 1] = up;
    }
    return out;
  }
}
