package dev.vitrina.recs.request.trigger;

import java.util.Arrays;

/**
 * How the trigger's similarity and the profile score are put on one scale within a request before
 * they are blended. Missing scores (NaN) take the lowest normalised value of the request.
 */
public enum Normalisation {
  /**
   * Position among the candidates: the best scores 1, the worst 0, evenly spaced (ties share the
   * better position). Robust to any score scale; keeps only the order.
   */
  RANK,
  /**
   * Standard score: (score - mean) / standard deviation over the candidates; keeps how far a
   * standout candidate stands out. All-equal scores give 0.
   */
  ZSCORE;

  /** The normalised scores of {@code raw} (not changed). */
  public float[] apply(float[] raw) {
    int n = raw.length;
    float[] out = new float[n];
    int m = 0;
    for (float v : raw) {
      m += Float.isNaN(v) ? 0 : 1;
    }
    if (m == 0) {
      return out;
    }
    if (this == RANK) {
      Integer[] order = new Integer[n];
      for (int j = 0; j < n; j++) {
        order[j] = j;
      }
      Arrays.sort(order, (a, b) -> Float.compare(key(raw[b]), key(raw[a])));
      int rank = 0;
      for (int r = 0; r < m; r++) {
        int j = order[r];
        if (r > 0 && raw[j] != raw[order[r - 1]]) {
          rank = r;
        }
        out[j] = m == 1 ? 1f : 1f - (float) rank / (m - 1);
      }
      return out;
    }
    double sum = 0;
    double sq = 0;
    for (float v : raw) {
      if (!Float.isNaN(v)) {
        sum += v;
        sq += (double) v * v;
      }
    }
    double mean = sum / m;
    double sd = Math.sqrt(Math.max(0, sq / m - mean * mean));
    float lowest = Float.POSITIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      if (!Float.isNaN(raw[j])) {
        out[j] = sd > 0 ? (float) ((raw[j] - mean) / sd) : 0f;
        lowest = Math.min(lowest, out[j]);
      }
    }
    for (int j = 0; j < n; j++) {
      if (Float.isNaN(raw[j])) {
        out[j] = lowest;
      }
    }
    return out;
  }

  private static float key(float v) {
    return Float.isNaN(v) ? Float.NEGATIVE_INFINITY : v;
  }
}
