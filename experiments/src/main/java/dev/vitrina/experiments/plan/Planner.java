package dev.vitrina.experiments.plan;

import dev.vitrina.core.check.Checks;
import dev.vitrina.core.check.ParameterException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Sample size, MDE, power and duration of a fixed-horizon two-sample test of control (arm 0)
 * against each treatment arm, by the normal approximation.
 *
 * <p>With normalized weights {@code w_c, w_t}, per-unit variances {@code σ_c², σ_t²}, the CUPED
 * factor {@code f = 1 - ρ²} (Deng, Xu, Kohavi &amp; Walker, "Improving the sensitivity of online
 * controlled experiments by utilizing pre-experiment data", WSDM 2013) and {@code z_a = z(1-α/2)}
 * (two-sided) or {@code z(1-α)}, {@code z_b = z(power)}:
 *
 * <pre>
 *   N_total = (z_a + z_b)² · (σ_c²/w_c + σ_t²/w_t) · f / δ²        rounded up
 * </pre>
 *
 * taking the largest over treatment arms when there are several (no multiplicity correction: lower
 * alpha for that). With the baseline variance {@code p(1-p)} in both arms this reproduces 238,606
 * (50/50) and 284,055 (70/30) for {@code p = 5%}, {@code δ = +5%} relative, two-sided 5%, power
 * 80%. The per-arm sizes are the integer split of the rounded total closest to the weights.
 */
public final class Planner {

  private static final NormalDistribution Z = NormalDistribution.of(0, 1);
  private static final String FORMULA =
      "N_total = (z_alpha + z_power)^2 * (var_c/w_c + var_t/w_t) * (1 - rho^2) / delta^2,"
          + " rounded up; z_alpha = z(1 - alpha/2) two-sided, z(1 - alpha) one-sided";

  /**
   * The largest total sample size that is planned: a trillion units, far above any population of
   * users. A smaller MDE needs more, and {@link #sampleSize} refuses it with the required size.
   */
  public static final long MAX_TOTAL_UNITS = 1_000_000_000_000L;

  private Planner() {}

  /**
   * The total and per-arm sample size to detect {@code effect} with the spec's power.
   *
   * @throws IllegalArgumentException for a relative effect on a baseline that is not positive, or
   *     when more than {@link #MAX_TOTAL_UNITS} units would be needed
   */
  public static SampleSize sampleSize(PlanSpec spec, Effect effect) {
    Baseline b = spec.baseline();
    double delta = absoluteEffect(b, effect);
    double treated = b.mean() + delta;
    if (b.kind() == Baseline.Kind.PROPORTION) {
      Checks.require(
          treated > 0 && treated < 1,
          "baseline "
              + b.mean()
              + " plus the effect "
              + delta
              + " gives "
              + treated
              + ", outside (0, 1); use a smaller Effect.value");
    }
    double[] w = spec.weights();
    double vc = b.varianceAt(b.mean());
    double vt = treatmentVariance(spec, treated);
    double k = zSum(spec);
    double f = 1 - spec.cupedRho() * spec.cupedRho();
    double exact = 0;
    for (int i = 1; i < w.length; i++) {
      exact = Math.max(exact, k * k * (vc / w[0] + vt / w[i]) * f / (delta * delta));
    }
    if (!(exact <= MAX_TOTAL_UNITS)) {
      throw tooLarge(spec, effect, delta, exact);
    }
    long total = (long) Math.ceil(exact);
    List<Long> perArm = allocate(total, w);
    double achieved = power(spec, effect, perArm);
    return new SampleSize(
        total,
        perArm,
        exact,
        achieved,
        delta,
        relativeTo(b, delta),
        spec.variance().describe(b),
        vc,
        vt,
        f,
        FORMULA);
  }

  /**
   * The power of the test at the given per-arm sizes (the lowest over treatment arms), counting
   * both tails for a two-sided test.
   */
  public static double power(PlanSpec spec, Effect effect, List<Long> unitsPerArm) {
    Checks.require(
        unitsPerArm.size() == spec.split().size(),
        "units per arm has "
            + unitsPerArm.size()
            + " entries but the split has "
            + spec.split().size()
            + " arms");
    Baseline b = spec.baseline();
    double delta = absoluteEffect(b, effect);
    double vc = b.varianceAt(b.mean());
    double vt = treatmentVariance(spec, b.mean() + delta);
    double f = 1 - spec.cupedRho() * spec.cupedRho();
    double za = zAlpha(spec);
    double min = 1;
    for (int i = 1; i < unitsPerArm.size(); i++) {
      double se = Math.sqrt((vc / unitsPerArm.get(0) + vt / unitsPerArm.get(i)) * f);
      double d = Math.abs(delta) / se;
      double p = Z.cumulativeProbability(d - za);
      if (spec.twoSided()) {
        p += Z.cumulativeProbability(-d - za);
      }
      min = Math.min(min, p);
    }
    return min;
  }

  /**
   * The smallest positive effect detected with the spec's power when {@code totalUnits} units are
   * split by the weights (the largest over treatment arms).
   */
  public static Mde mde(PlanSpec spec, long totalUnits) {
    Checks.require(
        totalUnits >= 2 * spec.split().size(),
        "total units must be at least 2 per arm, got " + totalUnits);
    Baseline b = spec.baseline();
    double[] w = spec.weights();
    double k = zSum(spec);
    double f = 1 - spec.cupedRho() * spec.cupedRho();
    double vc = b.varianceAt(b.mean());
    double worst = 0;
    for (int i = 1; i < w.length; i++) {
      double wt = w[i];
      double delta;
      if (b.kind() == Baseline.Kind.PROPORTION && spec.variance() == VarianceAssumption.UNPOOLED) {
        // Solve δ² = k² (vc/w_c + (p+δ)(1-p-δ)/w_t) f / N for δ in (0, 1-p) by bisection.
        double lo = 0;
        double hi = 1 - b.mean();
        if (g(b.mean(), hi, k, vc, w[0], wt, f, totalUnits) < 0) {
          throw new IllegalArgumentException(
              "no effect below "
                  + hi
                  + " is detectable with "
                  + totalUnits
                  + " units; use more units or a lower PlanSpec.power");
        }
        for (int it = 0; it < 200; it++) {
          double mid = (lo + hi) / 2;
          if (g(b.mean(), mid, k, vc, w[0], wt, f, totalUnits) < 0) {
            lo = mid;
          } else {
            hi = mid;
          }
        }
        delta = (lo + hi) / 2;
      } else {
        delta = k * Math.sqrt((vc / w[0] + vc / wt) * f / totalUnits);
      }
      worst = Math.max(worst, delta);
    }
    List<Double> perArm = new ArrayList<>();
    for (double x : w) {
      perArm.add(x * totalUnits);
    }
    return new Mde(totalUnits, perArm, worst, relativeTo(b, worst), spec.variance().describe(b), f);
  }

  /** The MDE after {@code days} days of {@code dailyUnits} new units each. */
  public static Mde mdeForDuration(PlanSpec spec, double dailyUnits, int days) {
    requireDailyUnits(dailyUnits);
    Checks.atLeast("days", days, 1);
    return mde(spec, (long) Math.floor(dailyUnits * days));
  }

  /**
   * Days to reach {@code totalUnits} at {@code dailyUnits} new units per day entering the
   * experiment (already multiplied by coverage), rounded up.
   */
  public static long days(long totalUnits, double dailyUnits) {
    requireDailyUnits(dailyUnits);
    return (long) Math.ceil(totalUnits / dailyUnits);
  }

  private static void requireDailyUnits(double dailyUnits) {
    if (!(dailyUnits > 0 && Double.isFinite(dailyUnits))) {
      throw new ParameterException("dailyUnits", "must be > 0, got " + dailyUnits);
    }
  }

  /**
   * The effect in metric units. A relative effect needs a positive baseline: on a zero baseline it
   * is zero whatever its size, and on a negative one {@code +5%} would mean a decrease.
   */
  private static double absoluteEffect(Baseline b, Effect effect) {
    if (effect.relative() && !(b.mean() > 0)) {
      throw new IllegalArgumentException(
          "a relative MDE (Effect.value "
              + effect.value()
              + " with Effect.relative) needs a positive baseline, got Baseline.mean "
              + b.mean()
              + ": relative to a zero or negative mean it is undefined or has the wrong sign;"
              + " give the MDE in metric units instead (an absolute Effect, e.g."
              + " Effect.absolute(0.5) for +0.5)");
    }
    return effect.absoluteOn(b);
  }

  /** {@code delta} relative to the baseline, or NaN when the baseline is not positive. */
  private static double relativeTo(Baseline b, double delta) {
    return b.mean() > 0 ? delta / b.mean() : Double.NaN;
  }

  private static IllegalArgumentException tooLarge(
      PlanSpec spec, Effect effect, double delta, double exact) {
    Mde atMax = mde(spec, MAX_TOTAL_UNITS);
    return new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "the MDE (Effect.value %s%s) is too small to plan: detecting %s in metric units needs"
                + " %s units in total, more than the %,d that can be planned (the size grows as"
                + " 1/mde^2); use a larger Effect.value (%,d units detect %.4g absolute%s) or check"
                + " Baseline.mean and Baseline.sd",
            effect.value(),
            effect.relative() ? " with Effect.relative" : "",
            delta,
            Double.isFinite(exact) ? String.format(Locale.ROOT, "%.3g", exact) : "infinitely many",
            MAX_TOTAL_UNITS,
            MAX_TOTAL_UNITS,
            atMax.absoluteMde(),
            Double.isNaN(atMax.relativeMde())
                ? ""
                : String.format(Locale.ROOT, ", %.4g%% relative", 100 * atMax.relativeMde())));
  }

  private static double g(
      double p, double d, double k, double vc, double wc, double wt, double f, long n) {
    double vt = (p + d) * (1 - p - d);
    return d * d - k * k * (vc / wc + vt / wt) * f / n;
  }

  private static double treatmentVariance(PlanSpec spec, double treatedMean) {
    Baseline b = spec.baseline();
    if (spec.variance() == VarianceAssumption.UNPOOLED) {
      return b.varianceAt(treatedMean);
    }
    return b.varianceAt(b.mean());
  }

  private static double zAlpha(PlanSpec spec) {
    return Z.inverseSurvivalProbability(spec.twoSided() ? spec.alpha() / 2 : spec.alpha());
  }

  private static double zSum(PlanSpec spec) {
    return zAlpha(spec) + Z.inverseCumulativeProbability(spec.power());
  }

  /**
   * Splits {@code total} into integers by the weights: floors first, then one unit each to the
   * largest remainders, ties to the smaller arm.
   */
  static List<Long> allocate(long total, double[] w) {
    long[] n = new long[w.length];
    double[] frac = new double[w.length];
    long used = 0;
    for (int i = 0; i < w.length; i++) {
      double x = w[i] * total;
      n[i] = (long) Math.floor(x);
      frac[i] = x - n[i];
      used += n[i];
    }
    Integer[] order = new Integer[w.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        Comparator.<Integer>comparingDouble(i -> -Math.round(frac[i] * 1e9) / 1e9)
            .thenComparingDouble(i -> w[i]));
    for (int j = 0; used < total; j++) {
      n[order[j % order.length]]++;
      used++;
    }
    List<Long> out = new ArrayList<>();
    for (long x : n) {
      out.add(x);
    }
    return out;
  }
}
