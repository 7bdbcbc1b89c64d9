package dev.vitrina.experiments.analysis;

import dev.vitrina.experiments.stats.Interval;

/**
 * A point estimate with its standard error and confidence interval.
 *
 * @param value the estimate
 * @param standardError its standard error
 * @param ci the confidence interval at the analysis level
 */
public record Estimate(double value, double standardError, Interval ci) {}
