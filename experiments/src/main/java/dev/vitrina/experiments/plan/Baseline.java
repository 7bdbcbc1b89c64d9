package dev.vitrina.experiments.plan;

import dev.vitrina.core.check.Checks;

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
      Checks.inOpenRange("baseline proportion (--baseline)", mean, 0, 1);
    } else {
      Checks.require(Double.isFinite(mean), "baseline mean must be finite, got " + mean);
      Checks.require(
          sd > 0 && Double.isFinite(sd),
          "standard deviation (--sd) of a mean metric must be > 0, got "
              + sd
              + "; estimate it from past data of the metric per unit");
    }
  }

  /** A proportion baseline {@code p}. */
  public static Baseline proportion(double p) {
    Checks.inOpenRange("baseline proportion (--baseline)", p, 0, 1);
    return new Baseline(Kind.PROPORTION, p, Math.sqrt(p * (1 - p)));
  }

  /** A mean baseline with per-unit standard deviation {@code sd}. */
  public static Baseline mean(double mean, double sd) {
    return new Baseline(Kind.MEAN, mean, sd);
  }

  /** The per-unit variance at mean {@code m}: {@code m(1-m)} for a proportion, else {@code sd²}. */
  double varianceAt(double m) {
    return kind == Kind.PROPORTION ? m * (1 - m) : sd * sd;
  }
}
