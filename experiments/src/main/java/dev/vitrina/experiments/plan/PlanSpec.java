package dev.vitrina.experiments.plan;

import dev.vitrina.core.check.Checks;
import dev.vitrina.core.check.ParameterException;
import java.util.ArrayList;
import java.util.List;

/**
 * The design of an experiment for planning: baseline, split, error rates, variance assumption and
 * CUPED. Start from {@link #of(Baseline)} (50/50, two-sided alpha 0.05, power 0.8, baseline
 * variance, no CUPED) and change fields with the {@code with...} methods.
 *
 * @param baseline the control metric
 * @param split relative weights of the arms, control first, at least two (e.g. {@code [70, 30]})
 * @param alpha significance level, in {@code (0, 1)}
 * @param power target power, in {@code (0, 1)}
 * @param twoSided two-sided test (the default) or one-sided
 * @param variance which variances to use for the arms
 * @param cupedRho correlation of the metric with the CUPED pre-period covariate, in {@code [0, 1)};
 *     variances shrink by {@code (1 - rho²)}
 */
public record PlanSpec(
    Baseline baseline,
    List<Double> split,
    double alpha,
    double power,
    boolean twoSided,
    VarianceAssumption variance,
    double cupedRho) {

  /** Validates every field. */
  public PlanSpec {
    Checks.require(baseline != null, "baseline is required");
    if (split == null || split.size() < 2) {
      throw new ParameterException(
          "split", "needs at least two arms, got " + split + "; use e.g. 50/50 or 70/30");
    }
    split = List.copyOf(split);
    for (double w : split) {
      if (!(w > 0 && Double.isFinite(w))) {
        throw new ParameterException(
            "split", "weights must be > 0, got " + split + "; use e.g. 70/30");
      }
    }
    Checks.inOpenRange("alpha", alpha, 0, 1);
    Checks.inOpenRange("power", power, 0, 1);
    Checks.require(variance != null, "variance assumption is required");
    if (!(cupedRho >= 0 && cupedRho < 1)) {
      throw new ParameterException(
          "cupedRho",
          "(the CUPED correlation) must be in [0, 1), got "
              + cupedRho
              + "; estimate it as the correlation of the metric with its pre-period value");
    }
  }

  /** The defaults on {@code baseline}: 50/50, two-sided 0.05, power 0.8, baseline variance. */
  public static PlanSpec of(Baseline baseline) {
    return new PlanSpec(
        baseline, List.of(1.0, 1.0), 0.05, 0.8, true, VarianceAssumption.BASELINE, 0);
  }

  /** Parses {@code "70/30"} or {@code "50/25/25"} into weights. */
  public static List<Double> parseSplit(String s) {
    if (s == null || s.isBlank()) {
      throw new ParameterException("split", "is empty; use e.g. 70/30");
    }
    List<Double> out = new ArrayList<>();
    for (String part : s.split("/")) {
      try {
        out.add(Double.parseDouble(part.trim()));
      } catch (NumberFormatException e) {
        ParameterException p =
            new ParameterException(
                "split", "'" + s + "' has a non-number part '" + part + "'; use e.g. 70/30");
        p.initCause(e);
        throw p;
      }
    }
    return out;
  }

  /** With another split. */
  public PlanSpec withSplit(List<Double> weights) {
    return new PlanSpec(baseline, weights, alpha, power, twoSided, variance, cupedRho);
  }

  /** With another alpha. */
  public PlanSpec withAlpha(double a) {
    return new PlanSpec(baseline, split, a, power, twoSided, variance, cupedRho);
  }

  /** With another power. */
  public PlanSpec withPower(double p) {
    return new PlanSpec(baseline, split, alpha, p, twoSided, variance, cupedRho);
  }

  /** Two-sided or one-sided. */
  public PlanSpec withTwoSided(boolean two) {
    return new PlanSpec(baseline, split, alpha, power, two, variance, cupedRho);
  }

  /** With another variance assumption. */
  public PlanSpec withVariance(VarianceAssumption v) {
    return new PlanSpec(baseline, split, alpha, power, twoSided, v, cupedRho);
  }

  /** With a CUPED covariate of correlation {@code rho}. */
  public PlanSpec withCupedRho(double rho) {
    return new PlanSpec(baseline, split, alpha, power, twoSided, variance, rho);
  }

  /** The weights normalized to sum to 1. */
  double[] weights() {
    double sum = 0;
    for (double w : split) {
      sum += w;
    }
    double[] out = new double[split.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = split.get(i) / sum;
    }
    return out;
  }
}
