package dev.vitrina.experiments.analysis;

import java.util.List;

/**
 * The analysis of one experiment. Read {@link #srm()} first: with a mismatch, the effects are not
 * trustworthy.
 *
 * @param experiment the experiment name
 * @param source where the data came from
 * @param format {@code EVENTS} or {@code UNITS}
 * @param rowsRead rows in the input
 * @param rowsUsed rows of this experiment
 * @param variants the variants, control first
 * @param control the control variant
 * @param srm the sample-ratio-mismatch check
 * @param alpha the significance level
 * @param correction the multiple-testing correction that decides {@code significant}
 * @param metrics one result per metric and treatment arm
 * @param lookDays the days of the sequential looks (empty without a day column)
 * @param notes assumptions and data remarks
 */
public record AnalysisResult(
    String experiment,
    String source,
    String format,
    long rowsRead,
    long rowsUsed,
    List<String> variants,
    String control,
    SrmResult srm,
    double alpha,
    String correction,
    List<MetricResult> metrics,
    List<Integer> lookDays,
    List<String> notes) {

  /** Copies the lists. */
  public AnalysisResult {
    variants = List.copyOf(variants);
    metrics = List.copyOf(metrics);
    lookDays = List.copyOf(lookDays);
    notes = List.copyOf(notes);
  }
}
