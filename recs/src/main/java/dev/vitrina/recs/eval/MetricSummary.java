package dev.vitrina.recs.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A metric over users: the mean, a percentile-bootstrap confidence interval of the mean (users
 * resampled with replacement), and the per-user distribution's quantiles.
 *
 * @param mean the mean over users
 * @param ciLow the lower end of the interval
 * @param ciHigh the upper end of the interval
 * @param p10 10th percentile of the per-user values
 * @param p25 25th percentile
 * @param median median
 * @param p75 75th percentile
 * @param p90 90th percentile
 * @param users the number of users (NaN values excluded)
 */
public record MetricSummary(
    double mean,
    double ciLow,
    double ciHigh,
    double p10,
    double p25,
    double median,
    double p75,
    double p90,
    int users) {

  /**
   * Summarises per-user values (NaN entries are left out). {@code samples} bootstrap resamples at
   * confidence {@code level} (e.g. 0.95), seeded; {@code samples = 0} gives a degenerate interval.
   */
  public static MetricSummary of(double[] perUser, int samples, double level, long seed) {
    double[] v = Arrays.stream(perUser).filter(d -> !Double.isNaN(d)).toArray();
    int n = v.length;
    if (n == 0) {
      return new MetricSummary(
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          0);
    }
    double mean = 0;
    for (double d : v) {
      mean += d;
    }
    mean /= n;
    double lo = mean;
    double hi = mean;
    if (samples > 0) {
      double[] means = new double[samples];
      SplittableRandom rnd = new SplittableRandom(seed);
      for (int s = 0; s < samples; s++) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
          sum += v[rnd.nextInt(n)];
        }
        means[s] = sum / n;
      }
      Arrays.sort(means);
      double a = (1 - level) / 2;
      lo = quantile(means, a);
      hi = quantile(means, 1 - a);
    }
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    return new MetricSummary(
        mean,
        lo,
        hi,
        quantile(sorted, 0.10),
        quantile(sorted, 0.25),
        quantile(sorted, 0.5),
        quantile(sorted, 0.75),
        quantile(sorted, 0.90),
        n);
  }

  /** The linear-interpolated quantile {@code q} of sorted values. */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    int j = Math.min(sorted.length - 1, i + 1);
    return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
  }
}
