package dev.vitrina.experiments.analysis;

/**
 * A CUPED comparison with its unadjusted counterpart.
 *
 * @param adjusted the comparison on the CUPED-adjusted metric
 * @param unadjusted the same comparison without the covariate
 * @param theta the regression coefficient {@code cov(Y, X) / var(X)} over both arms
 * @param correlation the correlation of the metric with the covariate over both arms
 * @param varianceReduction {@code 1 - Var(adjusted diff) / Var(unadjusted diff)}; about {@code ρ²}
 */
public record CupedResult(
    Comparison adjusted,
    Comparison unadjusted,
    double theta,
    double correlation,
    double varianceReduction) {}
