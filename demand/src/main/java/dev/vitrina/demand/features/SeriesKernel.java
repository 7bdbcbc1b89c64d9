package dev.vitrina.demand.features;

import java.util.Arrays;

/**
 * The per-series feature kernel: a pure function of one series' values into its feature rows. The
 * local engine runs it over flat arrays in parallel; a distributed job can run the very same
 * function per group.
 *
 * <p>Lag k at row t is {@code v[t-k]}: exactly k periods earlier on the completed calendar, NaN
 * before the series starts. Window means are computed from the same shifted values ({@code mean_7}
 * = mean of lag_1..lag_7, {@code mean_4w} = mean of lag_7, lag_14, lag_21, lag_28, NaN values
 * ignored, NaN when none). Rolling statistics over the window {@code [t-minLag-w+1, t-minLag]} are
 * maintained incrementally: a running sum, sum of squares and count for mean and sample standard
 * deviation, and a monotonic deque for the maximum; O(1) per row and window.
 *
 * <p>Cost: O(len x (lags + 11 + 3 x windows)) with sequential memory access; no allocation except
 * one small deque per window.
 */
public final class SeriesKernel {

  private static final int[] MEAN_4W = {7, 14, 21, 28};

  private SeriesKernel() {}

  /**
   * Computes the series columns of {@code spec} (in {@link FeatureSpec#seriesFeatureNames()} order)
   * for one series.
   *
   * @param v the values array holding the series
   * @param off the index of the series' first value in {@code v}
   * @param len the series length
   * @param spec the features
   * @param out output columns; the first {@code seriesFeatureNames().size()} are written
   * @param outOff the row in {@code out} where this series starts
   */
  public static void compute(
      float[] v, int off, int len, FeatureSpec spec, float[][] out, int outOff) {
    int j = 0;
    for (int k : spec.lags()) {
      lag(v, off, len, k, out[j++], outOff);
    }
    if (spec.hasMean7()) {
      meanOfShifts(v, off, len, 1, 7, out[j++], outOff);
    }
    if (spec.hasMean4w()) {
      meanOfLags(v, off, len, MEAN_4W, out[j++], outOff);
    }
    for (int w : spec.windows()) {
      rolling(v, off, len, w, spec.minLag(), out[j], out[j + 1], out[j + 2], outOff);
      j += 3;
    }
  }

  /** {@code col[outOff+t] = v[off+t-k]}, NaN for {@code t < k}. */
  static void lag(float[] v, int off, int len, int k, float[] col, int outOff) {
    int head = Math.min(k, len);
    Arrays.fill(col, outOff, outOff + head, Float.NaN);
    if (len > k) {
      System.arraycopy(v, off, col, outOff + k, len - k);
    }
  }

  /**
   * Mean of {@code v[t-k]} for k in {@code from..to}, ignoring NaN and rows before the start. Rows
   * with the whole window inside a NaN-free series are summed column by column (one shifted
   * vectorizable pass per lag, the data stays in L1); the head rows and series with NaN take the
   * general path.
   */
  static void meanOfShifts(float[] v, int off, int len, int from, int to, float[] col, int outOff) {
    int fast = hasNaN(v, off, len) ? len : Math.min(to, len);
    general(v, off, len, from, to, null, col, outOff, 0, fast);
    if (fast < len) {
      float n = to - from + 1;
      shiftedSum(v, off, len, from, to, null, col, outOff, fast, n);
    }
  }

  /** Mean of {@code v[t-k]} for k in {@code lags}, ignoring NaN and rows before the start. */
  static void meanOfLags(float[] v, int off, int len, int[] lags, float[] col, int outOff) {
    int maxLag = lags[lags.length - 1];
    int fast = hasNaN(v, off, len) ? len : Math.min(maxLag, len);
    general(v, off, len, 0, 0, lags, col, outOff, 0, fast);
    if (fast < len) {
      shiftedSum(v, off, len, 0, 0, lags, col, outOff, fast, lags.length);
    }
  }

  private static boolean hasNaN(float[] v, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (v[i] != v[i]) {
        return true;
      }
    }
    return false;
  }

  /** Rows {@code [a, b)}: mean over available, non-NaN shifted values. */
  private static void general(
      float[] v,
      int off,
      int len,
      int from,
      int to,
      int[] lags,
      float[] col,
      int outOff,
      int a,
      int b) {
    for (int t = a; t < b; t++) {
      double sum = 0;
      int n = 0;
      if (lags == null) {
        for (int k = from; k <= to && t - k >= 0; k++) {
          float x = v[off + t - k];
          if (x == x) {
            sum += x;
            n++;
          }
        }
      } else {
        for (int k : lags) {
          if (t - k >= 0) {
            float x = v[off + t - k];
            if (x == x) {
              sum += x;
              n++;
            }
          }
        }
      }
      col[outOff + t] = n == 0 ? Float.NaN : (float) (sum / n);
    }
  }

  /** Rows {@code [a, len)} with every shift available and no NaN: column arithmetic. */
  private static void shiftedSum(
      float[] v,
      int off,
      int len,
      int from,
      int to,
      int[] lags,
      float[] col,
      int outOff,
      int a,
      float n) {
    int o = outOff + a;
    int cnt = len - a;
    int first = lags == null ? from : lags[0];
    System.arraycopy(v, off + a - first, col, o, cnt);
    if (lags == null) {
      for (int k = from + 1; k <= to; k++) {
        addShifted(v, off + a - k, col, o, cnt);
      }
    } else {
      for (int j = 1; j < lags.length; j++) {
        addShifted(v, off + a - lags[j], col, o, cnt);
      }
    }
    for (int i = o; i < o + cnt; i++) {
      col[i] = col[i] / n;
    }
  }

  private static void addShifted(float[] v, int src, float[] col, int dst, int cnt) {
    for (int i = 0; i < cnt; i++) {
      col[dst + i] += v[src + i];
    }
  }

  /** Rolling mean, sample std and max over {@code v[t-h-w+1 .. t-h]}, NaN ignored. */
  static void rolling(
      float[] v,
      int off,
      int len,
      int w,
      int h,
      float[] mean,
      float[] std,
      float[] max,
      int outOff) {
    double sum = 0;
    double sumSq = 0;
    int n = 0;
    int[] dq = new int[w + 1];
    int head = 0;
    int size = 0;
    for (int t = 0; t < len; t++) {
      int in = t - h;
      if (in >= 0) {
        float x = v[off + in];
        if (x == x) {
          sum += x;
          sumSq += (double) x * x;
          n++;
          while (size > 0 && v[off + dq[(head + size - 1) % dq.length]] <= x) {
            size--;
          }
          dq[(head + size) % dq.length] = in;
          size++;
        }
      }
      int outIdx = in - w;
      if (outIdx >= 0) {
        float x = v[off + outIdx];
        if (x == x) {
          sum -= x;
          sumSq -= (double) x * x;
          n--;
        }
      }
      while (size > 0 && dq[head] <= in - w) {
        head = (head + 1) % dq.length;
        size--;
      }
      int o = outOff + t;
      if (n == 0) {
        mean[o] = Float.NaN;
        std[o] = Float.NaN;
        max[o] = Float.NaN;
      } else {
        mean[o] = (float) (sum / n);
        if (n >= 2) {
          double var = (sumSq - sum * sum / n) / (n - 1);
          std[o] = (float) Math.sqrt(Math.max(0, var));
        } else {
          std[o] = Float.NaN;
        }
        max[o] = v[off + dq[head]];
      }
    }
  }
}
