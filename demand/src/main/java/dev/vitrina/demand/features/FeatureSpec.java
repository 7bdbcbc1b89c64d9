package dev.vitrina.demand.features;

import dev.vitrina.core.check.ParameterException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Which features to compute.
 *
 * @param lags lag distances in periods (positive, sorted, distinct); lags below {@code minLag} are
 *     dropped
 * @param means whether to add {@code mean_7} = mean(lag_1..lag_7) (only when {@code minLag == 1})
 *     and {@code mean_4w} = mean(lag_7, lag_14, lag_21, lag_28) (when {@code minLag <= 7})
 * @param windows rolling window lengths for {@code roll_mean_w}, {@code roll_std_w} (sample, n-1)
 *     and {@code roll_max_w}; each window ends {@code minLag} periods before the row
 * @param calendar whether to add calendar features ({@code dow} for daily panels, {@code
 *     week_of_year}, {@code month}, and the calendar's event flags)
 * @param price whether to add {@code price_rel} and {@code promo} (levels with an item only)
 * @param minLag the first period a feature may look at, counted back from the row: 1 for one-step
 *     features, h for a direct model of horizon h (so it never sees data after the origin)
 */
public record FeatureSpec(
    int[] lags, boolean means, int[] windows, boolean calendar, boolean price, int minLag) {

  /** The default lags 1..7, 14, 21, 28. */
  public static final int[] DEFAULT_LAGS = {1, 2, 3, 4, 5, 6, 7, 14, 21, 28};

  /** The default rolling windows 7, 14, 28, 56. */
  public static final int[] DEFAULT_WINDOWS = {7, 14, 28, 56};

  public FeatureSpec {
    if (minLag < 1) {
      throw new IllegalArgumentException("minLag must be >= 1, got " + minLag);
    }
    TreeSet<Integer> set = new TreeSet<>();
    for (int k : lags) {
      if (k < 1) {
        throw new ParameterException(
            "lags",
            "must be positive, got "
                + k
                + " in "
                + Arrays.toString(lags)
                + "; use e.g. 1..7,14,21,28");
      }
      if (k >= minLag) {
        set.add(k);
      }
    }
    lags = set.stream().mapToInt(Integer::intValue).toArray();
    for (int w : windows) {
      if (w < 2) {
        throw new ParameterException(
            "windows", "(rolling windows) must be >= 2, got " + w + "; use e.g. 7,14,28,56");
      }
    }
    windows = Arrays.stream(windows).distinct().sorted().toArray();
  }

  /** Every feature with the default lags and windows. */
  public static FeatureSpec defaults() {
    return new FeatureSpec(DEFAULT_LAGS, true, DEFAULT_WINDOWS, true, true, 1);
  }

  /** Lags and the two means only: the kernel that benchmarks compare. */
  public static FeatureSpec lagsAndMeans(int[] lags) {
    return new FeatureSpec(lags, true, new int[0], false, false, 1);
  }

  /** A copy for a direct model of horizon {@code h}: lags below h dropped, windows shifted. */
  public FeatureSpec forHorizon(int h) {
    return new FeatureSpec(lags, means, windows, calendar, price, h);
  }

  /** Parses {@code 1..7,14,21,28} into {@code [1..7, 14, 21, 28]}. */
  public static int[] parseLags(String spec) {
    List<Integer> out = new ArrayList<>();
    for (String part : spec.split(",")) {
      String p = part.trim();
      try {
        int dots = p.indexOf("..");
        if (dots >= 0) {
          int a = Integer.parseInt(p.substring(0, dots).trim());
          int b = Integer.parseInt(p.substring(dots + 2).trim());
          if (b < a) {
            throw new ParameterException(
                "lags", "range " + p + " is empty; write it low..high, e.g. 1..7");
          }
          for (int k = a; k <= b; k++) {
            out.add(k);
          }
        } else {
          out.add(Integer.parseInt(p));
        }
      } catch (NumberFormatException e) {
        throw new ParameterException(
            "lags", "'" + spec + "' has an unreadable part '" + p + "'; use e.g. 1..7,14,21,28");
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Whether {@code mean_7} is produced. */
  public boolean hasMean7() {
    return means && minLag == 1;
  }

  /** Whether {@code mean_4w} is produced. */
  public boolean hasMean4w() {
    return means && minLag <= 7;
  }

  /**
   * How many periods back from a row its per-series features read: the largest lag, 7 for {@code
   * mean_7} (lags 1..7), 28 for {@code mean_4w} (lags 7, 14, 21, 28), and {@code minLag + w - 1}
   * for a rolling window of {@code w} periods ending {@code minLag} back. A row with at least this
   * much history has every per-series feature defined.
   */
  public int lookback() {
    int b = 0;
    for (int k : lags) {
      b = Math.max(b, k);
    }
    if (hasMean7()) {
      b = Math.max(b, 7);
    }
    if (hasMean4w()) {
      b = Math.max(b, 28);
    }
    for (int w : windows) {
      b = Math.max(b, minLag + w - 1);
    }
    return b;
  }

  /** The names of the per-series columns (lags, means, rolling), in output order. */
  public List<String> seriesFeatureNames() {
    List<String> names = new ArrayList<>();
    for (int k : lags) {
      names.add("lag_" + k);
    }
    if (hasMean7()) {
      names.add("mean_7");
    }
    if (hasMean4w()) {
      names.add("mean_4w");
    }
    for (int w : windows) {
      names.add("roll_mean_" + w);
      names.add("roll_std_" + w);
      names.add("roll_max_" + w);
    }
    return names;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureSpec f
        && Arrays.equals(lags, f.lags)
        && means == f.means
        && Arrays.equals(windows, f.windows)
        && calendar == f.calendar
        && price == f.price
        && minLag == f.minLag;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(lags) * 31 + Arrays.hashCode(windows) + minLag;
  }

  @Override
  public String toString() {
    return "FeatureSpec[lags="
        + Arrays.toString(lags)
        + ", means="
        + means
        + ", windows="
        + Arrays.toString(windows)
        + ", calendar="
        + calendar
        + ", price="
        + price
        + ", minLag="
        + minLag
        + "]";
  }
}
