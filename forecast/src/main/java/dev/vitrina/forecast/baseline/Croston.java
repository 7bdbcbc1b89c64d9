package dev.vitrina.forecast.baseline;

import dev.vitrina.core.check.Checks;
import java.util.Arrays;

/**
 * Croston's method for intermittent demand (Croston 1972, "Forecasting and stock control for
 * intermittent demands", Operational Research Quarterly 23(3)): simple exponential smoothing, with
 * the same {@code alpha}, of the non-zero demand sizes {@code z} and of the intervals {@code p}
 * between them; the forecast for every future period is {@code z / p}.
 *
 * <p>Initialisation follows R's {@code forecast::croston} exactly (so the two agree to 1e-6,
 * checked against a fixture produced by {@code forecast/scripts/croston_fixture.R}): the first
 * interval is the 1-based position of the first non-zero value, both smoothers start at their first
 * element ({@code initial="simple"}); with a single non-zero value the forecast is {@code z1 / p1};
 * with none it is 0. Computed in double precision; O(length) time, O(1) memory.
 *
 * @param alpha the smoothing constant in (0, 1]; R's default and the literature's usual value is
 *     0.1
 */
public record Croston(double alpha) implements SeriesForecaster {

  /** Croston with R's default {@code alpha = 0.1}. */
  public Croston() {
    this(0.1);
  }

  public Croston {
    Checks.inRange("alpha", alpha, Double.MIN_VALUE, 1.0);
  }

  @Override
  public String name() {
    return "croston";
  }

  @Override
  public void forecast(float[] values, int start, int length, int horizon, double[] out, int off) {
    Arrays.fill(out, off, off + horizon, rate(values, start, length, alpha));
  }

  /**
   * The Croston demand rate {@code z/p} of one history (shared with {@link Sba}).
   *
   * @throws IllegalArgumentException when a value is negative or not finite
   */
  static double rate(float[] values, int start, int length, double alpha) {
    SeriesForecaster.checkDemand(values, start, length);
    double z = 0;
    double p = 0;
    int count = 0;
    int last = 0; // 1-based position of the previous non-zero value, 0 before the first
    for (int i = 0; i < length; i++) {
      float v = values[start + i];
      if (v > 0) {
        int interval = (i + 1) - last;
        last = i + 1;
        if (count == 0) {
          z = v;
          p = interval;
        } else {
          z += alpha * (v - z);
          p += alpha * (interval - p);
        }
        count++;
      }
    }
    return count == 0 ? 0.0 : z / p;
  }
}
