package dev.vitrina.forecast.baseline;

import dev.vitrina.core.check.Checks;
import java.util.Arrays;

/**
 * The Teunter-Syntetos-Babai method (Teunter, Syntetos &amp; Babai 2011, "Intermittent demand:
 * linking forecasting to inventory obsolescence", European Journal of Operational Research 214(3)):
 * smooths the demand size {@code z} (only in periods with demand, constant {@code alphaDemand}) and
 * the demand probability {@code p} (every period, constant {@code alphaProbability}); the forecast
 * is {@code p * z}. Unlike Croston it decays towards 0 during long runs of zeros, so it reacts to
 * obsolescence.
 *
 * <p>Initialisation (documented choice; the paper leaves it open): nothing happens before the first
 * non-zero value at 1-based position {@code q}; there {@code z = y_q} and {@code p = 1/q} (the same
 * first interval as Croston); every later period updates {@code p += alphaProbability * (1[y>0] -
 * p)} and, when {@code y > 0}, {@code z += alphaDemand * (y - z)}. No demand: 0.
 *
 * @param alphaDemand smoothing constant of the demand size, in (0, 1], default 0.1
 * @param alphaProbability smoothing constant of the demand probability, in (0, 1], default 0.1
 */
public record Tsb(double alphaDemand, double alphaProbability) implements SeriesForecaster {

  /** TSB with both constants 0.1. */
  public Tsb() {
    this(0.1, 0.1);
  }

  public Tsb {
    Checks.inRange("alphaDemand", alphaDemand, Double.MIN_VALUE, 1.0);
    Checks.inRange("alphaProbability", alphaProbability, Double.MIN_VALUE, 1.0);
  }

  @Override
  public String name() {
    return "tsb";
  }

  @Override
  public void forecast(float[] values, int start, int length, int horizon, double[] out, int off) {
    SeriesForecaster.checkDemand(values, start, length);
    double z = 0;
    double p = 0;
    boolean started = false;
    for (int i = 0; i < length; i++) {
      float v = values[start + i];
      if (!started) {
        if (v > 0) {
          z = v;
          p = 1.0 / (i + 1);
          started = true;
        }
        continue;
      }
      if (v > 0) {
        p += alphaProbability * (1 - p);
        z += alphaDemand * (v - z);
      } else {
        p -= alphaProbability * p;
      }
    }
    Arrays.fill(out, off, off + horizon, started ? p * z : 0.0);
  }
}
