package dev.vitrina.experiments.plan;

import java.util.List;

/**
 * The minimum detectable effect (MDE) of a given sample: the smallest positive effect detected with
 * the target power.
 *
 * @param totalUnits units over all arms
 * @param unitsPerArm expected units per arm at the split
 * @param absoluteMde the MDE in metric units
 * @param relativeMde the MDE relative to the baseline; NaN when the baseline is not positive
 * @param varianceAssumption the assumption used, stated in words
 * @param cupedFactor the variance factor {@code 1 - rho²} (1 without CUPED)
 */
public record Mde(
    long totalUnits,
    List<Double> unitsPerArm,
    double absoluteMde,
    double relativeMde,
    String varianceAssumption,
    double cupedFactor) {

  /** Copies the list. */
  public Mde {
    unitsPerArm = List.copyOf(unitsPerArm);
  }
}
