package dev.vitrina.forecast.backtest;

import dev.vitrina.core.check.Checks;

/**
 * Many series as flat arrays: series {@code s} is {@code values[offsets[s] .. offsets[s+1])}, its
 * first value at period {@code firstPeriod[s]} of a shared period axis with labels {@code
 * periodLabels}.
 *
 * @param ids external series ids
 * @param values all values, series after series
 * @param offsets {@code n + 1} offsets into {@code values}
 * @param firstPeriod the period index of each series' first value
 * @param periodLabels labels of the shared period axis (e.g. {@code "Jan-98"})
 */
public record FlatSeries(
    String[] ids, float[] values, int[] offsets, int[] firstPeriod, String[] periodLabels) {

  public FlatSeries {
    Checks.require(
        offsets.length == ids.length + 1 && firstPeriod.length == ids.length,
        "offsets must have ids.length + 1 entries and firstPeriod ids.length");
    Checks.require(
        offsets[ids.length] == values.length,
        "offsets[n] = " + offsets[ids.length] + " must equal values.length " + values.length);
  }

  /** The number of series. */
  public int size() {
    return ids.length;
  }

  /** The length of series {@code s}. */
  public int length(int s) {
    return offsets[s + 1] - offsets[s];
  }

  /**
   * The series cut at period {@code origin} (exclusive) of the shared axis: every series keeps only
   * its values at periods {@code < origin}; series that start at or after it become empty.
   */
  public FlatSeries cut(int origin) {
    int n = size();
    int[] off = new int[n + 1];
    for (int s = 0; s < n; s++) {
      int keep = Math.max(0, Math.min(length(s), origin - firstPeriod[s]));
      off[s + 1] = off[s] + keep;
    }
    float[] v = new float[off[n]];
    for (int s = 0; s < n; s++) {
      System.arraycopy(values, offsets[s], v, off[s], off[s + 1] - off[s]);
    }
    return new FlatSeries(ids, v, off, firstPeriod, periodLabels);
  }
}
