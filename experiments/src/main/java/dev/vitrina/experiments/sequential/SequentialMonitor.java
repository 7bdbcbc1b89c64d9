package dev.vitrina.experiments.sequential;

import dev.vitrina.core.check.Checks;
import dev.vitrina.experiments.stats.Interval;

/**
 * Tracks one effect over repeated looks with the normal-mixture {@link MixtureSprt}: the running
 * minimum of the p-value and the running intersection of the confidence sequence. Feed it the
 * cumulative estimate and its variance at each look (e.g. daily). Mutable, one per metric and
 * treatment arm.
 *
 * <p>Choose {@code τ²} before the data: {@link MixtureSprt#tau2ForHorizon} at the variance expected
 * at the planned sample size.
 */
public final class SequentialMonitor {
  private final double alpha;
  private final double tau2;
  private int looks;
  private double minP = 1;
  private double low = Double.NEGATIVE_INFINITY;
  private double high = Double.POSITIVE_INFINITY;

  /** A monitor at level {@code alpha} with mixing variance {@code tau2}. */
  public SequentialMonitor(double alpha, double tau2) {
    Checks.inOpenRange("alpha", alpha, 0, 1);
    Checks.require(tau2 > 0 && Double.isFinite(tau2), "tau^2 must be > 0, got " + tau2);
    this.alpha = alpha;
    this.tau2 = tau2;
  }

  /** Records a look at {@code estimate} with variance {@code variance} (> 0). */
  public SequentialLook look(double estimate, double variance) {
    looks++;
    double p = MixtureSprt.pValue(estimate, variance, tau2);
    minP = Math.min(minP, p);
    Interval cs = MixtureSprt.confidenceSequence(estimate, variance, tau2, alpha);
    low = Math.max(low, cs.low());
    high = Math.min(high, cs.high());
    Interval running = low <= high ? new Interval(low, high) : new Interval(estimate, estimate);
    return new SequentialLook(looks, estimate, Math.sqrt(variance), minP, running, minP <= alpha);
  }

  /** Whether any look so far rejected. */
  public boolean rejected() {
    return minP <= alpha;
  }

  /** The running always-valid p-value. */
  public double pValue() {
    return minP;
  }
}
