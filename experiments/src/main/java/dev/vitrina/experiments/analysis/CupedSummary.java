package dev.vitrina.experiments.analysis;

/**
 * How CUPED changed a comparison.
 *
 * @param covariate the pre-period covariate column
 * @param theta the regression coefficient
 * @param correlation correlation of metric and covariate
 * @param varianceReduction {@code 1 - Var(adjusted)/Var(unadjusted)} of the effect estimate
 * @param unadjusted the comparison without CUPED
 */
public record CupedSummary(
    String covariate,
    double theta,
    double correlation,
    double varianceReduction,
    Comparison unadjusted) {}
