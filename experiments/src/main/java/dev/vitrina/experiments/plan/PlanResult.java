package dev.vitrina.experiments.plan;

import java.util.List;

/**
 * A complete experiment plan: the design it was made for, then either the sample size for an effect
 * ({@link Mode#SAMPLE_SIZE}) or the minimum detectable effect of a sample ({@link Mode#MDE}).
 * Fields that do not apply to the mode are null. Build it with {@link #sampleSize(PlanSpec, Effect,
 * Double)}, {@link #mde(PlanSpec, long)} or {@link #mdeForDuration(PlanSpec, double, int)}.
 *
 * @param metric proportion or mean
 * @param baseline the baseline proportion or mean
 * @param split the arm weights, control first
 * @param alpha the significance level
 * @param power the target power
 * @param sides 2 for a two-sided test, 1 for one-sided
 * @param cupedRho the CUPED correlation (0 without CUPED)
 * @param mode which question the plan answers
 * @param mdeAbsolute the effect (sample size) or the MDE, in metric units
 * @param mdeRelative the same relative to the baseline; NaN when the baseline is not positive
 * @param totalUnits units over all arms
 * @param unitsPerArm per arm: whole units for a sample size, expected units for an MDE
 * @param exactTotal the unrounded total from the formula; null for an MDE
 * @param achievedPower the power at {@code unitsPerArm}; null for an MDE
 * @param varianceAssumption the variance assumption, in words
 * @param cupedFactor the variance factor {@code 1 - rho²}
 * @param formula the sample-size formula; null for an MDE
 * @param alternative the sample size under the other variance assumption, for a proportion's sample
 *     size; else null
 * @param dailyUnits new units per day, when given
 * @param days days to reach the sample size, or the days the MDE was asked for; null without a
 *     daily rate
 * @param note why there is no relative effect (baseline not positive); else null
 */
public record PlanResult(
    Baseline.Kind metric,
    double baseline,
    List<Double> split,
    double alpha,
    double power,
    int sides,
    double cupedRho,
    Mode mode,
    double mdeAbsolute,
    double mdeRelative,
    long totalUnits,
    List<? extends Number> unitsPerArm,
    Double exactTotal,
    Double achievedPower,
    String varianceAssumption,
    double cupedFactor,
    String formula,
    Alternative alternative,
    Double dailyUnits,
    Long days,
    String note) {

  /** The question a plan answers. */
  public enum Mode {
    /** Units needed to detect a given effect. */
    SAMPLE_SIZE,
    /** The smallest effect a given sample detects. */
    MDE
  }

  /**
   * The sample size under the other variance assumption.
   *
   * @param varianceAssumption that assumption, in words
   * @param totalUnits units over all arms
   * @param unitsPerArm units per arm
   */
  public record Alternative(String varianceAssumption, long totalUnits, List<Long> unitsPerArm) {}

  /** Copies the lists. */
  public PlanResult {
    split = List.copyOf(split);
    unitsPerArm = List.copyOf(unitsPerArm);
  }

  /**
   * The sample size to detect {@code effect}; with {@code dailyUnits} (may be null) also the days
   * to reach it. For a proportion the sample size under the other variance assumption is added.
   */
  public static PlanResult sampleSize(PlanSpec spec, Effect effect, Double dailyUnits) {
    SampleSize s = Planner.sampleSize(spec, effect);
    Alternative alt = null;
    if (spec.baseline().kind() == Baseline.Kind.PROPORTION) {
      VarianceAssumption other =
          spec.variance() == VarianceAssumption.BASELINE
              ? VarianceAssumption.UNPOOLED
              : VarianceAssumption.BASELINE;
      SampleSize a = Planner.sampleSize(spec.withVariance(other), effect);
      alt = new Alternative(a.varianceAssumption(), a.totalUnits(), a.unitsPerArm());
    }
    Long days = dailyUnits == null ? null : Planner.days(s.totalUnits(), dailyUnits);
    return new PlanResult(
        spec.baseline().kind(),
        spec.baseline().mean(),
        spec.split(),
        spec.alpha(),
        spec.power(),
        spec.twoSided() ? 2 : 1,
        spec.cupedRho(),
        Mode.SAMPLE_SIZE,
        s.absoluteEffect(),
        s.relativeEffect(),
        s.totalUnits(),
        s.unitsPerArm(),
        s.exactTotal(),
        s.achievedPower(),
        s.varianceAssumption(),
        s.cupedFactor(),
        s.formula(),
        alt,
        dailyUnits,
        days,
        note(spec));
  }

  /** The minimum detectable effect of {@code totalUnits} units. */
  public static PlanResult mde(PlanSpec spec, long totalUnits) {
    return ofMde(spec, Planner.mde(spec, totalUnits), null, null);
  }

  /** The minimum detectable effect after {@code days} days of {@code dailyUnits} new units each. */
  public static PlanResult mdeForDuration(PlanSpec spec, double dailyUnits, int days) {
    return ofMde(spec, Planner.mdeForDuration(spec, dailyUnits, days), dailyUnits, (long) days);
  }

  private static PlanResult ofMde(PlanSpec spec, Mde m, Double dailyUnits, Long days) {
    return new PlanResult(
        spec.baseline().kind(),
        spec.baseline().mean(),
        spec.split(),
        spec.alpha(),
        spec.power(),
        spec.twoSided() ? 2 : 1,
        spec.cupedRho(),
        Mode.MDE,
        m.absoluteMde(),
        m.relativeMde(),
        m.totalUnits(),
        m.unitsPerArm(),
        null,
        null,
        m.varianceAssumption(),
        m.cupedFactor(),
        null,
        null,
        dailyUnits,
        days,
        note(spec));
  }

  private static String note(PlanSpec spec) {
    double b = spec.baseline().mean();
    if (b > 0) {
      return null;
    }
    return "no relative effect: the baseline "
        + b
        + " is not positive, so an effect relative to it is undefined or has the wrong"
        + " sign; the plan is in metric units";
  }
}
