/**
 * Experiment data: reading a per-event or per-unit table (CSV, Parquet when the core reader is
 * present), aggregating events per unit, and generating a synthetic events file to try the analysis
 * on. Start at {@link dev.vitrina.experiments.data.ExperimentData}.
 */
package dev.vitrina.experiments.data;
