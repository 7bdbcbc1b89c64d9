/**
 * Experiment data: reading a per-event or per-unit table (CSV or Parquet, through the core table
 * layer), aggregating events per unit, and generating a synthetic events file to try the analysis
 * on. Start at {@link dev.vitrina.experiments.data.ExperimentData}.
 */
package dev.vitrina.experiments.data;
