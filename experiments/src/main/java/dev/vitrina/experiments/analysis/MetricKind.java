package dev.vitrina.experiments.analysis;

/** How a metric is computed per arm and which test it gets. */
public enum MetricKind {
  /** Share of units whose numerator is {@code > 0} (conversion, retention): z-test. */
  PROPORTION,
  /** Mean of the per-unit numerator (revenue per user): Welch's t-test. */
  MEAN,
  /** Σ numerator / Σ denominator over units (CTR = clicks / impressions): delta method. */
  RATIO
}
