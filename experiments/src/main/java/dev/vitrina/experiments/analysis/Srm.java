package dev.vitrina.experiments.analysis;

import dev.vitrina.core.check.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Sample ratio mismatch (SRM): Pearson's chi-square goodness-of-fit test of the observed units per
 * variant against the designed weights. A mismatch (by default p &lt; 0.001) means the assignment
 * or the logging is broken and the effects must not be trusted (Fabijan et al., "Diagnosing sample
 * ratio mismatch in online controlled experiments", KDD 2019; Kohavi, Tang &amp; Xu 2020, ch. 21).
 * Example: a 70/30 design observed as 70,500 / 29,500 gives chi-square 11.90, p = 5.6e-4: flagged.
 */
public final class Srm {

  /** The customary flagging threshold. */
  public static final double DEFAULT_THRESHOLD = 0.001;

  private Srm() {}

  /** The check at the default threshold 0.001. */
  public static SrmResult test(List<String> variants, long[] observed, double[] weights) {
    return test(variants, observed, weights, DEFAULT_THRESHOLD);
  }

  /**
   * The check of {@code observed} units against {@code weights} (relative, need not sum to 1),
   * flagged when {@code p < threshold}.
   */
  public static SrmResult test(
      List<String> variants, long[] observed, double[] weights, double threshold) {
    Checks.require(
        observed.length == weights.length && observed.length == variants.size(),
        "SRM needs one weight per variant: "
            + variants.size()
            + " variants, "
            + observed.length
            + " counts, "
            + weights.length
            + " weights");
    Checks.require(observed.length >= 2, "SRM needs at least two variants");
    Checks.inOpenRange("SRM threshold", threshold, 0, 1);
    long total = 0;
    double wsum = 0;
    for (int i = 0; i < observed.length; i++) {
      Checks.require(observed[i] >= 0, "observed counts must be >= 0, got " + observed[i]);
      Checks.require(weights[i] > 0, "designed weight of '" + variants.get(i) + "' must be > 0");
      total += observed[i];
      wsum += weights[i];
    }
    Checks.require(total > 0, "SRM needs at least one unit, got 0");
    double chi = 0;
    List<Long> obs = new ArrayList<>();
    List<Double> exp = new ArrayList<>();
    for (int i = 0; i < observed.length; i++) {
      double e = total * weights[i] / wsum;
      double d = observed[i] - e;
      chi += d * d / e;
      obs.add(observed[i]);
      exp.add(e);
    }
    int df = observed.length - 1;
    double p = ChiSquaredDistribution.of(df).survivalProbability(chi);
    boolean mismatch = p < threshold;
    String verdict =
        mismatch
            ? String.format(
                Locale.ROOT,
                "SAMPLE RATIO MISMATCH: observed %s vs expected %s (chi-square %.2f, df %d, %s)."
                    + " Do not trust the effects below: find the cause (assignment,"
                    + " logging, bots, redirects) first.",
                obs,
                rounded(exp),
                chi,
                df,
                formatP(p, threshold))
            : String.format(
                Locale.ROOT,
                "No sample ratio mismatch: observed %s vs expected %s (chi-square %.2f, df %d, p"
                    + " = %.3g >= %s).",
                obs,
                rounded(exp),
                chi,
                df,
                p,
                threshold);
    return new SrmResult(variants, obs, exp, chi, df, p, threshold, mismatch, verdict);
  }

  /** "p = 0.000560 < 0.001", or "p < 1e-300" where the p-value underflows to 0. */
  private static String formatP(double p, double threshold) {
    return p > 0
        ? String.format(Locale.ROOT, "p = %.3g < %s", p, threshold)
        : "p < 1e-300, below " + threshold;
  }

  private static List<Long> rounded(List<Double> xs) {
    List<Long> out = new ArrayList<>();
    for (double x : xs) {
      out.add(Math.round(x));
    }
    return out;
  }
}
