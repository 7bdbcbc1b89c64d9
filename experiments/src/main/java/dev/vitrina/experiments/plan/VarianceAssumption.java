package dev.vitrina.experiments.plan;

/** Which per-unit variances the sample-size formula uses for the two arms. */
public enum VarianceAssumption {
  /**
   * The baseline variance in both arms: {@code p(1-p)} for a proportion (or {@code sd²} for a
   * mean). This is the textbook {@code 16 σ²/δ²} rule's assumption and gives 238,606 users for
   * baseline 5%, +5% relative, 50/50, two-sided 5%, power 80%.
   */
  BASELINE("per-unit variance of the baseline in both arms: p0(1-p0) for a proportion"),
  /**
   * Each arm's own variance: {@code p0(1-p0)} in control and {@code p1(1-p1)} in treatment, with
   * {@code p1 = p0 + δ} (unpooled). Equal to {@link #BASELINE} for means.
   */
  UNPOOLED("unpooled: p0(1-p0) in control and p1(1-p1) in treatment, p1 = p0 + mde");

  private final String description;

  VarianceAssumption(String description) {
    this.description = description;
  }

  /** A one-line statement of the assumption, for reports. */
  public String description() {
    return description;
  }

  /** The statement for {@code baseline}: for a mean, the standard deviation used in both arms. */
  public String describe(Baseline baseline) {
    if (baseline.kind() == Baseline.Kind.MEAN) {
      return "per-unit standard deviation "
          + baseline.sd()
          + " in both arms (variance "
          + baseline.sd() * baseline.sd()
          + ")";
    }
    double p = baseline.mean();
    return this == BASELINE ? description + " = " + p * (1 - p) : description;
  }
}
