package dev.vitrina.forecast.metrics;

import dev.vitrina.core.check.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weighted root mean squared scaled error of the M5 competition (Makridakis, Spiliotis &amp;
 * Assimakopoulos, "M5 Competitor's Guide", 2020): for every level of the hierarchy, the bottom
 * series' actuals and forecasts are summed into the level's series, each gets its {@link
 * Scales#rmsse RMSSE} (scale from its own training history after its first non-zero sale), and the
 * level's score is the sum of RMSSEs weighted by each series' share of dollar sales in the last 28
 * training periods; WRMSSE is the mean of the level scores over the levels given (the levels that
 * exist in the data).
 *
 * <p>Rule for undefined scales (documented choice): a series whose scale is undefined or 0 (no sale
 * before the origin, or a constant history after it) is left out of its level and the remaining
 * weights are renormalised; {@link Result#excludedSeries} counts them. In M5 itself every series
 * had a defined scale.
 *
 * <p>Memory: one {@code double[groups * (periods + horizon)]} per level at a time.
 */
public final class Wrmsse {

  private Wrmsse() {}

  /**
   * The WRMSSE result.
   *
   * @param wrmsse the mean of the level scores
   * @param levels the score of each level, in the order given
   * @param excludedSeries series left out for an undefined scale, summed over levels
   */
  public record Result(double wrmsse, Map<String, Double> levels, int excludedSeries) {}

  /**
   * Computes WRMSSE.
   *
   * @param train bottom-level training history, dense {@code n * periods}, every series on one
   *     period axis ending at the origin (0 before a series exists)
   * @param periods the number of training periods per series
   * @param actual {@code n * horizon} actuals after the origin
   * @param forecast {@code n * horizon} forecasts
   * @param horizon the horizon
   * @param dollarSales per bottom series, the sum of quantity times price over the last 28 training
   *     periods (the M5 weights)
   * @param levels the hierarchy levels to average over (each over the same n bottom series)
   */
  public static Result compute(
      float[] train,
      int periods,
      double[] actual,
      double[] forecast,
      int horizon,
      double[] dollarSales,
      List<HierarchyLevel> levels) {
    int n = dollarSales.length;
    Checks.atLeast("periods", periods, 2);
    Checks.atLeast("horizon", horizon, 1);
    Checks.require(
        train.length == (long) n * periods,
        "train must hold series * periods = " + (long) n * periods + ", got " + train.length);
    Checks.require(
        actual.length == (long) n * horizon && forecast.length == actual.length,
        "actual and forecast must hold series * horizon = " + (long) n * horizon + " values");
    Checks.require(!levels.isEmpty(), "levels must not be empty; give at least the bottom level");
    Map<String, Double> scores = new LinkedHashMap<>();
    int excluded = 0;
    double sum = 0;
    for (HierarchyLevel level : levels) {
      Checks.require(
          level.groupOf().length == n,
          "level '" + level.name() + "' maps " + level.groupOf().length + " series, expected " + n);
      int g = level.groups();
      float[] hist = new float[g * periods];
      double[] act = new double[g * horizon];
      double[] fc = new double[g * horizon];
      double[] w = new double[g];
      for (int s = 0; s < n; s++) {
        int grp = level.groupOf()[s];
        int hb = grp * periods;
        int sb = s * periods;
        for (int t = 0; t < periods; t++) {
          hist[hb + t] += train[sb + t];
        }
        for (int k = 0; k < horizon; k++) {
          act[grp * horizon + k] += actual[s * horizon + k];
          fc[grp * horizon + k] += forecast[s * horizon + k];
        }
        w[grp] += dollarSales[s];
      }
      double weighted = 0;
      double weightSum = 0;
      for (int grp = 0; grp < g; grp++) {
        double scale = Scales.rmsse(hist, grp * periods, periods);
        if (!(scale > 0)) {
          excluded++;
          continue;
        }
        double sq = 0;
        for (int k = grp * horizon; k < (grp + 1) * horizon; k++) {
          double e = fc[k] - act[k];
          sq += e * e;
        }
        weighted += w[grp] * Math.sqrt(sq / horizon / scale);
        weightSum += w[grp];
      }
      double score = weightSum > 0 ? weighted / weightSum : Double.NaN;
      scores.put(level.name(), score);
      sum += score;
    }
    return new Result(sum / levels.size(), scores, excluded);
  }
}
