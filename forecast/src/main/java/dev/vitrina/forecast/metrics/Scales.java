package dev.vitrina.forecast.metrics;

import dev.vitrina.core.check.Checks;

/** In-sample scales that make errors comparable across series. */
public final class Scales {

  private Scales() {}

  /**
   * The MASE scale of Hyndman &amp; Koehler (2006, "Another look at measures of forecast accuracy",
   * International Journal of Forecasting 22(4)): the in-sample mean absolute error of the seasonal
   * naive forecast, {@code mean_{t>=m} |y_t - y_{t-m}|} over the whole history ({@code m = 1}: the
   * naive forecast).
   *
   * @return the scale, or NaN when the history has {@code <= m} values
   */
  public static double mase(float[] values, int start, int length, int m) {
    Checks.atLeast("m", m, 1);
    if (length <= m) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = start + m; i < start + length; i++) {
      sum += Math.abs(values[i] - values[i - m]);
    }
    return sum / (length - m);
  }

  /**
   * The RMSSE scale of the M5 competitor guidelines: {@code 1/(n-1) * sum_{t=2..n} (y_t -
   * y_{t-1})^2}, where the history is taken from the series' first non-zero value on (periods
   * before a product was first sold do not count).
   *
   * @return the scale, or NaN when fewer than two values follow (and include) the first sale
   */
  public static double rmsse(float[] values, int start, int length) {
    int first = start;
    int end = start + length;
    while (first < end && !(values[first] > 0)) {
      first++;
    }
    int n = end - first;
    if (n < 2) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = first + 1; i < end; i++) {
      double d = values[i] - values[i - 1];
      sum += d * d;
    }
    return sum / (n - 1);
  }
}
