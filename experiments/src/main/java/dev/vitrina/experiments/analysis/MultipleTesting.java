package dev.vitrina.experiments.analysis;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Adjusted p-values for a family of tests (all metrics × treatment arms of one experiment).
 *
 * <ul>
 *   <li>{@link Correction#HOLM}: Holm's step-down procedure (Holm 1979), controls the family-wise
 *       error rate under any dependence;
 *   <li>{@link Correction#BENJAMINI_HOCHBERG}: the step-up procedure of Benjamini &amp; Hochberg
 *       (1995), controls the false discovery rate under independence or positive dependence.
 * </ul>
 *
 * Reject hypothesis {@code i} at level α when {@code adjusted[i] <= α}.
 */
public final class MultipleTesting {

  /** A correction method. */
  public enum Correction {
    /** No correction. */
    NONE,
    /** Holm's step-down (FWER). */
    HOLM,
    /** Benjamini-Hochberg (FDR). */
    BENJAMINI_HOCHBERG
  }

  private MultipleTesting() {}

  /** Adjusted p-values by {@code c}, in input order. */
  public static double[] adjust(double[] p, Correction c) {
    return switch (c) {
      case NONE -> p.clone();
      case HOLM -> holm(p);
      case BENJAMINI_HOCHBERG -> benjaminiHochberg(p);
    };
  }

  /** Holm-adjusted p-values: {@code max_{j<=i} min(1, (m - j) p_(j))} over the sorted p-values. */
  public static double[] holm(double[] p) {
    int m = p.length;
    Integer[] order = order(p);
    double[] out = new double[m];
    double running = 0;
    for (int k = 0; k < m; k++) {
      int i = order[k];
      running = Math.max(running, Math.min(1, (m - k) * p[i]));
      out[i] = running;
    }
    return out;
  }

  /** BH-adjusted p-values: {@code min_{j>=i} min(1, m p_(j) / j)} over the sorted p-values. */
  public static double[] benjaminiHochberg(double[] p) {
    int m = p.length;
    Integer[] order = order(p);
    double[] out = new double[m];
    double running = 1;
    for (int k = m - 1; k >= 0; k--) {
      int i = order[k];
      running = Math.min(running, Math.min(1, m * p[i] / (k + 1)));
      out[i] = running;
    }
    return out;
  }

  private static Integer[] order(double[] p) {
    Integer[] idx = new Integer[p.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw new IllegalArgumentException("p-value " + i + " must be in [0, 1], got " + p[i]);
      }
    }
    Arrays.sort(idx, Comparator.comparingDouble(i -> p[i]));
    return idx;
  }
}
