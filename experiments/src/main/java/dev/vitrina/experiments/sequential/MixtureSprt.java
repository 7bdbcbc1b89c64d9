package dev.vitrina.experiments.sequential;

import dev.vitrina.core.check.Checks;
import dev.vitrina.experiments.stats.Interval;

/**
 * The mixture sequential probability ratio test (mSPRT) with a normal mixing distribution {@code
 * N(0, τ²)} over the effect, for an asymptotically normal estimate {@code θ̂} of a difference with
 * variance {@code V} (e.g. {@code s_c²/n_c + s_t²/n_t}):
 *
 * <pre>
 *   Λ = sqrt(V / (V + τ²)) · exp( τ² θ̂² / (2 V (V + τ²)) )
 * </pre>
 *
 * The always-valid p-value is {@code min(1, 1/Λ)} minimized over the looks so far; rejecting when
 * it is {@code <= α} keeps the type-I error at or below α however often one looks (Robbins 1970;
 * Johari, Koomen, Pekelis &amp; Walsh, "Peeking at A/B tests", KDD 2017; Johari, Pekelis &amp;
 * Walsh, "Always valid inference", Operations Research 2022). Inverting the test gives the
 * confidence sequence {@code θ̂ ± sqrt( V(V+τ²)/τ² · (2 ln(1/α) + ln((V+τ²)/V)) )}, the normal
 * mixture boundary of Howard, Ramdas, McAuliffe &amp; Sekhon, "Time-uniform, nonparametric,
 * nonasymptotic confidence sequences", Annals of Statistics 2021.
 *
 * <p>With a plug-in variance the guarantee is asymptotic (large samples per look); the simulation
 * in {@code docs/experiments.md} measures the false-positive rate with daily looks.
 */
public final class MixtureSprt {

  private MixtureSprt() {}

  /**
   * {@code ln Λ} for estimate {@code θ̂} with variance {@code V} and mixing variance {@code τ²}.
   */
  public static double logLikelihoodRatio(double estimate, double variance, double tau2) {
    check(variance, tau2);
    double s = variance + tau2;
    return 0.5 * Math.log(variance / s) + tau2 * estimate * estimate / (2 * variance * s);
  }

  /** The single-look mSPRT p-value {@code min(1, 1/Λ)}. */
  public static double pValue(double estimate, double variance, double tau2) {
    return Math.min(1, Math.exp(-logLikelihoodRatio(estimate, variance, tau2)));
  }

  /** The {@code 1 - α} confidence sequence at this look (before intersecting with earlier ones). */
  public static Interval confidenceSequence(
      double estimate, double variance, double tau2, double alpha) {
    check(variance, tau2);
    Checks.inOpenRange("alpha", alpha, 0, 1);
    double s = variance + tau2;
    double radius =
        Math.sqrt(variance * s / tau2 * (2 * Math.log(1 / alpha) + Math.log(s / variance)));
    return Interval.around(estimate, radius);
  }

  /**
   * The mixing variance that makes the confidence sequence narrowest when the estimate's variance
   * is {@code varianceAtHorizon} (the planned end of the experiment): {@code τ² = r·V} with {@code
   * r} minimizing {@code (1 + 1/r)(2 ln(1/α) + ln(1 + r))} (r ≈ 8 at α = 0.05, a half-width of
   * 3.03·sqrt(V) against 1.96 for the fixed-horizon interval).
   */
  public static double tau2ForHorizon(double varianceAtHorizon, double alpha) {
    Checks.require(
        varianceAtHorizon > 0 && Double.isFinite(varianceAtHorizon),
        "variance at the horizon must be > 0, got " + varianceAtHorizon);
    return optimalRatio(alpha) * varianceAtHorizon;
  }

  /** The ratio {@code r = τ²/V} that minimizes the half-width at one variance (golden section). */
  public static double optimalRatio(double alpha) {
    Checks.inOpenRange("alpha", alpha, 0, 1);
    double c = 2 * Math.log(1 / alpha);
    double lo = Math.log(1e-3);
    double hi = Math.log(1e6);
    double g = (Math.sqrt(5) - 1) / 2;
    for (int i = 0; i < 200; i++) {
      double a = hi - g * (hi - lo);
      double b = lo + g * (hi - lo);
      if (width(Math.exp(a), c) < width(Math.exp(b), c)) {
        hi = b;
      } else {
        lo = a;
      }
    }
    return Math.exp((lo + hi) / 2);
  }

  private static double width(double r, double c) {
    return (1 + 1 / r) * (c + Math.log1p(r));
  }

  private static void check(double variance, double tau2) {
    Checks.require(
        variance > 0 && Double.isFinite(variance),
        "variance of the estimate must be > 0, got " + variance);
    Checks.require(
        tau2 > 0 && Double.isFinite(tau2), "mixing variance tau^2 must be > 0, got " + tau2);
  }
}
