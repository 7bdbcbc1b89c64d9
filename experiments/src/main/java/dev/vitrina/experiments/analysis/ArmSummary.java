package dev.vitrina.experiments.analysis;

/**
 * One arm's metric value.
 *
 * @param variant the variant name
 * @param units the number of units (users) analyzed
 * @param value the metric (mean, proportion or ratio; CUPED-adjusted when CUPED is on)
 * @param standardError the standard error of {@code value}
 */
public record ArmSummary(String variant, long units, double value, double standardError) {}
