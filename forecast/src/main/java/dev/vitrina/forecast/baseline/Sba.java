package dev.vitrina.forecast.baseline;

import dev.vitrina.core.check.Checks;
import java.util.Arrays;

/**
 * The Syntetos-Boylan approximation (Syntetos &amp; Boylan 2005, "The accuracy of intermittent
 * demand estimates", International Journal of Forecasting 21(2)): Croston's rate multiplied by
 * {@code 1 - alpha/2}, which removes Croston's positive bias. Same initialisation as {@link
 * Croston}.
 *
 * @param alpha the smoothing constant in (0, 1], default 0.1
 */
public record Sba(double alpha) implements SeriesForecaster {

  /** SBA with {@code alpha = 0.1}. */
  public Sba() {
    this(0.1);
  }

  public Sba {
    Checks.inRange("alpha", alpha, Double.MIN_VALUE, 1.0);
  }

  @Override
  public String name() {
    return "sba";
  }

  @Override
  public void forecast(float[] values, int start, int length, int horizon, double[] out, int off) {
    double f = Croston.rate(values, start, length, alpha) * (1 - alpha / 2);
    Arrays.fill(out, off, off + horizon, f);
  }
}
