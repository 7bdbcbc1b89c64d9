package dev.vitrina.experiments.analysis;

/**
 * Running count, mean and sum of squared deviations of a sample (Welford's update, numerically
 * stable); the sufficient statistics of the mean tests. Mutable, not thread-safe; {@link
 * #merge(Moments)} combines partial results (Chan et al. 1979).
 */
public final class Moments {
  private long n;
  private double mean;
  private double m2;

  /** An empty accumulator. */
  public Moments() {}

  /** An accumulator over {@code values}. */
  public static Moments of(double... values) {
    Moments m = new Moments();
    for (double v : values) {
      m.add(v);
    }
    return m;
  }

  /** From summary values: count, mean and sample variance (with {@code n - 1}). */
  public static Moments ofSummary(long n, double mean, double variance) {
    Moments m = new Moments();
    m.n = n;
    m.mean = mean;
    m.m2 = n > 1 ? variance * (n - 1) : 0;
    return m;
  }

  /** Adds one value. */
  public void add(double x) {
    n++;
    double d = x - mean;
    mean += d / n;
    m2 += d * (x - mean);
  }

  /** Adds all of {@code other} into this one. */
  public void merge(Moments other) {
    if (other.n == 0) {
      return;
    }
    long total = n + other.n;
    double d = other.mean - mean;
    mean += d * other.n / total;
    m2 += other.m2 + d * d * ((double) n * other.n / total);
    n = total;
  }

  /** The count. */
  public long count() {
    return n;
  }

  /** The mean (0 when empty). */
  public double mean() {
    return mean;
  }

  /** The sample variance with {@code n - 1} (0 when {@code n < 2}). */
  public double variance() {
    return n > 1 ? m2 / (n - 1) : 0;
  }

  /** The variance of the mean, {@code variance / n}. */
  public double varianceOfMean() {
    return n > 0 ? variance() / n : Double.NaN;
  }
}
