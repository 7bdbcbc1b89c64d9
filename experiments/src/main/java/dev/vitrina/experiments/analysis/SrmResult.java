package dev.vitrina.experiments.analysis;

import java.util.List;

/**
 * The sample-ratio-mismatch check.
 *
 * @param variants the variant names, in the order of the counts
 * @param observed units observed per variant
 * @param expected units expected per variant from the designed weights
 * @param chiSquare Pearson's chi-square statistic
 * @param degreesOfFreedom number of variants minus one
 * @param pValue the chi-square p-value
 * @param threshold the p-value below which a mismatch is flagged (0.001 by default)
 * @param mismatch whether {@code pValue < threshold}
 * @param verdict one sentence for reports
 */
public record SrmResult(
    List<String> variants,
    List<Long> observed,
    List<Double> expected,
    double chiSquare,
    int degreesOfFreedom,
    double pValue,
    double threshold,
    boolean mismatch,
    String verdict) {

  /** Copies the lists. */
  public SrmResult {
    variants = List.copyOf(variants);
    observed = List.copyOf(observed);
    expected = List.copyOf(expected);
  }
}
