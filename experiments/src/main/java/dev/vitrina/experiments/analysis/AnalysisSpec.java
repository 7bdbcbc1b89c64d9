package dev.vitrina.experiments.analysis;

import dev.vitrina.core.check.Checks;
import dev.vitrina.core.check.ParameterException;
import dev.vitrina.experiments.analysis.MultipleTesting.Correction;
import dev.vitrina.experiments.assign.Variant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to analyze and how. Start from {@link #of(List)} (alpha 0.05, Holm, SRM at 0.001, no CUPED,
 * sequential results on, unpooled z-test) and change fields with the {@code with...} methods.
 *
 * @param metrics the metrics, at least one
 * @param control the control variant name; {@code null} picks the first designed variant, else a
 *     variant named {@code control}, else the first variant seen
 * @param design the designed variants and weights for the SRM check; empty means equal weights over
 *     the observed variants (stated in the notes)
 * @param alpha significance level of tests and intervals, in {@code (0, 1)}
 * @param correction the multiple-testing correction across metrics and arms that decides {@code
 *     significant}
 * @param srmThreshold p-value below which the SRM check flags a mismatch
 * @param cuped CUPED options
 * @param sequential always-valid (mSPRT) options
 * @param pooledProportions use the pooled standard error in the proportion z-test (the CI stays
 *     unpooled)
 */
public record AnalysisSpec(
    List<MetricDefinition> metrics,
    String control,
    List<Variant> design,
    double alpha,
    Correction correction,
    double srmThreshold,
    CupedOptions cuped,
    SequentialOptions sequential,
    boolean pooledProportions) {

  /**
   * CUPED options.
   *
   * @param enabled whether to adjust mean and proportion metrics by a pre-period covariate
   * @param covariates covariate column per metric name; metrics not listed use {@code pre_} + the
   *     numerator column (e.g. {@code pre_sum(purchase)}, {@code pre_revenue})
   */
  public record CupedOptions(boolean enabled, Map<String, String> covariates) {
    /** Copies the map. */
    public CupedOptions {
      covariates = Map.copyOf(covariates == null ? Map.of() : covariates);
    }

    /** CUPED off. */
    public static CupedOptions off() {
      return new CupedOptions(false, Map.of());
    }

    /** CUPED on with the default covariates. */
    public static CupedOptions on() {
      return new CupedOptions(true, Map.of());
    }
  }

  /**
   * Sequential (always-valid) options.
   *
   * @param enabled whether to compute the mSPRT p-values and confidence sequences
   * @param plannedUnits the planned total units of the experiment, which tunes the mixture to be
   *     tightest there; 0 tunes it to the units observed at the last look (fine for a one-off
   *     analysis, but fix it in advance when you look repeatedly)
   */
  public record SequentialOptions(boolean enabled, long plannedUnits) {
    /** Validates. */
    public SequentialOptions {
      if (plannedUnits < 0) {
        throw new ParameterException("plannedUnits", "must be >= 0, got " + plannedUnits);
      }
    }
  }

  /** Validates every field. */
  public AnalysisSpec {
    if (metrics == null || metrics.isEmpty()) {
      throw new ParameterException(
          "metrics", "needs at least one metric, e.g. ctr, conversion, revenue_per_user");
    }
    metrics = List.copyOf(metrics);
    Set<String> names = new HashSet<>();
    for (MetricDefinition m : metrics) {
      Checks.require(names.add(m.name()), "metric '" + m.name() + "' is listed twice");
    }
    design = List.copyOf(design == null ? List.of() : design);
    Checks.inOpenRange("alpha", alpha, 0, 1);
    Checks.require(correction != null, "correction is required");
    Checks.inOpenRange("srmThreshold", srmThreshold, 0, 1);
    Checks.require(cuped != null && sequential != null, "cuped and sequential options required");
  }

  /** Defaults over {@code metrics}. */
  public static AnalysisSpec of(List<MetricDefinition> metrics) {
    return new AnalysisSpec(
        metrics,
        null,
        List.of(),
        0.05,
        Correction.HOLM,
        Srm.DEFAULT_THRESHOLD,
        CupedOptions.off(),
        new SequentialOptions(true, 0),
        false);
  }

  /** With a control variant. */
  public AnalysisSpec withControl(String c) {
    return new AnalysisSpec(
        metrics, c, design, alpha, correction, srmThreshold, cuped, sequential, pooledProportions);
  }

  /** With the designed variants and weights. */
  public AnalysisSpec withDesign(List<Variant> d) {
    return new AnalysisSpec(
        metrics, control, d, alpha, correction, srmThreshold, cuped, sequential, pooledProportions);
  }

  /** With another alpha. */
  public AnalysisSpec withAlpha(double a) {
    return new AnalysisSpec(
        metrics,
        control,
        design,
        a,
        correction,
        srmThreshold,
        cuped,
        sequential,
        pooledProportions);
  }

  /** With another correction. */
  public AnalysisSpec withCorrection(Correction c) {
    return new AnalysisSpec(
        metrics, control, design, alpha, c, srmThreshold, cuped, sequential, pooledProportions);
  }

  /** With another SRM threshold. */
  public AnalysisSpec withSrmThreshold(double t) {
    return new AnalysisSpec(
        metrics, control, design, alpha, correction, t, cuped, sequential, pooledProportions);
  }

  /** With CUPED options. */
  public AnalysisSpec withCuped(CupedOptions c) {
    return new AnalysisSpec(
        metrics,
        control,
        design,
        alpha,
        correction,
        srmThreshold,
        c,
        sequential,
        pooledProportions);
  }

  /** With sequential options. */
  public AnalysisSpec withSequential(SequentialOptions s) {
    return new AnalysisSpec(
        metrics, control, design, alpha, correction, srmThreshold, cuped, s, pooledProportions);
  }

  /** With the pooled or unpooled proportion test. */
  public AnalysisSpec withPooledProportions(boolean p) {
    return new AnalysisSpec(
        metrics, control, design, alpha, correction, srmThreshold, cuped, sequential, p);
  }
}
