/**
 * Fixed-horizon analysis of an experiment: per-arm summaries, Welch t-test for means, z-test for
 * proportions, delta method for ratio metrics and relative lifts, CUPED, the sample-ratio-mismatch
 * check and multiple-testing corrections. Start at {@link
 * dev.vitrina.experiments.analysis.ExperimentAnalyzer}; the test kernels in {@link
 * dev.vitrina.experiments.analysis.TwoSample} work on sufficient statistics ({@link
 * dev.vitrina.experiments.analysis.Moments}).
 */
package dev.vitrina.experiments.analysis;
