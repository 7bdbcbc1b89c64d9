package dev.vitrina.experiments.analysis;

/**
 * A hypothesis test of "no difference".
 *
 * @param method the test, e.g. {@code welch-t}, {@code z-unpooled}, {@code delta-method-z}
 * @param statistic the test statistic (t or z)
 * @param degreesOfFreedom Welch-Satterthwaite degrees of freedom, or {@code null} for z tests
 * @param pValue the two-sided p-value
 */
public record TestResult(String method, double statistic, Double degreesOfFreedom, double pValue) {}
