package dev.vitrina.experiments.plan;

import dev.vitrina.core.check.Checks;
import dev.vitrina.core.check.ParameterException;

/**
 * The control arm's metric before the experiment: a proportion {@code p} (per-unit variance {@code
 * p(1-p)}) or a mean with a standard deviation per unit.
 *
 * @param kind proportion or mean
 * @param mean the baseline proportion (in {@code (0, 1)}) or mean
 * @param sd the per-unit standard deviation; for a proportion {@code sqrt(p(1-p))}
 */
public record Baseline(Kind kind, double mean, double sd) {

  /** The metric family. */
  public enum Kind {
    /** A share of units with an outcome (conversion, retention): per-unit 0/1. */
    PROPORTION,
    /** A per-unit mean (revenue per user, clicks per user). */
    MEAN
  }

  /** Validates the values. */
  public Baseline {
    Checks.require(kind != null, "baseline kind must be proportion or mean");
    if (kind == Kind.PROPORTION) {
      requireProportion(mean);
    } else {
      if (!Double.isFinite(mean)) {
        throw new ParameterException("Baseline.mean", "must be finite, got " + mean);
      }
      if (!(sd > 0 && Double.isFinite(sd))) {
        throw new ParameterException(
            "Baseline.sd",
            "(the standard deviation of a mean metric per unit) must be > 0, got "
                + sd
                + "; estimate it from past data of the metric per unit");
      }
    }
  }

  /** A proportion baseline {@code p}. */
  public static Baseline proportion(double p) {
    requireProportion(p);
    return new Baseline(Kind.PROPORTION, p, Math.sqrt(p * (1 - p)));
  }

  /** A mean baseline with per-unit standard deviation {@code sd}. */
  public static Baseline mean(double mean, double sd) {
    return new Baseline(Kind.MEAN, mean, sd);
  }

  private static void requireProportion(double p) {
    if (!(p > 0 && p < 1)) {
      throw new ParameterException("Baseline.mean", "of a proportion must be in (0, 1), got " + p);
    }
  }

  /** The per-unit variance at mean {@code m}: {@code m(1-m)} for a proportion, else {@code sd²}. */
  double varianceAt(double m) {
    return kind == Kind.PROPORTION ? m * (1 - m) : sd * sd;
  }
}
