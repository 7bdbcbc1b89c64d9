package dev.vitrina.experiments.analysis;

/**
 * Running count, means, variances and covariance of pairs {@code (x, y)}: the sufficient statistics
 * of the delta method for ratio metrics (x = numerator, y = denominator per unit) and of CUPED (x =
 * metric, y = pre-period covariate). Numerically stable one-pass update; mutable, not thread-safe.
 */
public final class BivariateMoments {
  private long n;
  private double mx;
  private double my;
  private double m2x;
  private double m2y;
  private double cxy;

  /** An empty accumulator. */
  public BivariateMoments() {}

  /** An accumulator over paired arrays of equal length. */
  public static BivariateMoments of(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "x and y must have the same length, got " + x.length + " and " + y.length);
    }
    BivariateMoments m = new BivariateMoments();
    for (int i = 0; i < x.length; i++) {
      m.add(x[i], y[i]);
    }
    return m;
  }

  /** Adds one pair. */
  public void add(double x, double y) {
    n++;
    double dx = x - mx;
    double dy = y - my;
    mx += dx / n;
    my += dy / n;
    m2x += dx * (x - mx);
    m2y += dy * (y - my);
    cxy += dx * (y - my);
  }

  /** Adds all of {@code o} into this one. */
  public void merge(BivariateMoments o) {
    if (o.n == 0) {
      return;
    }
    long total = n + o.n;
    double dx = o.mx - mx;
    double dy = o.my - my;
    double f = (double) n * o.n / total;
    m2x += o.m2x + dx * dx * f;
    m2y += o.m2y + dy * dy * f;
    cxy += o.cxy + dx * dy * f;
    mx += dx * o.n / total;
    my += dy * o.n / total;
    n = total;
  }

  /** The count of pairs. */
  public long count() {
    return n;
  }

  /** Mean of x. */
  public double meanX() {
    return mx;
  }

  /** Mean of y. */
  public double meanY() {
    return my;
  }

  /** Sample variance of x ({@code n - 1}). */
  public double varianceX() {
    return n > 1 ? m2x / (n - 1) : 0;
  }

  /** Sample variance of y ({@code n - 1}). */
  public double varianceY() {
    return n > 1 ? m2y / (n - 1) : 0;
  }

  /** Sample covariance of x and y ({@code n - 1}). */
  public double covariance() {
    return n > 1 ? cxy / (n - 1) : 0;
  }

  /** The marginal moments of x. */
  public Moments x() {
    return Moments.ofSummary(n, mx, varianceX());
  }

  /** The marginal moments of y. */
  public Moments y() {
    return Moments.ofSummary(n, my, varianceY());
  }
}
