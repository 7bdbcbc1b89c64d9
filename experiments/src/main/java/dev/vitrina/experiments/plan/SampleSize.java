package dev.vitrina.experiments.plan;

import java.util.List;

/**
 * A planned sample size.
 *
 * @param totalUnits units needed over all arms: the exact total rounded up
 * @param unitsPerArm the integer split of {@code totalUnits} closest to the weights (largest
 *     remainder; ties go to the smaller arm, which keeps the power at or above the target)
 * @param exactTotal the unrounded total from the formula
 * @param achievedPower the power at {@code unitsPerArm} (both tails counted), {@code >= power}
 * @param absoluteEffect the effect in metric units
 * @param relativeEffect the effect relative to the baseline; NaN when the baseline is not positive
 * @param varianceAssumption the assumption used, stated in words
 * @param controlVariance per-unit variance assumed in control (before CUPED)
 * @param treatmentVariance per-unit variance assumed in each treatment arm (before CUPED)
 * @param cupedFactor the variance factor {@code 1 - rho²} (1 without CUPED)
 * @param formula the formula, for reports
 */
public record SampleSize(
    long totalUnits,
    List<Long> unitsPerArm,
    double exactTotal,
    double achievedPower,
    double absoluteEffect,
    double relativeEffect,
    String varianceAssumption,
    double controlVariance,
    double treatmentVariance,
    double cupedFactor,
    String formula) {

  /** Copies the list. */
  public SampleSize {
    unitsPerArm = List.copyOf(unitsPerArm);
  }
}
