package dev.vitrina.forecast.baseline;

import dev.vitrina.core.check.Checks;

/**
 * The seasonal naive forecast: {@code f[t+k] = y[t+k-m*ceil(k/m)]}, the value one season earlier
 * (period {@code m}: 7 for daily, 52 for weekly, 12 for monthly data). With fewer than {@code m}
 * observations it falls back to the naive forecast (the last value), with none to 0.
 *
 * @param period the season length m, {@code >= 1}
 */
public record SeasonalNaive(int period) implements SeriesForecaster {

  /** Daily data: weekly season. */
  public static final int DAILY = 7;

  /** Weekly data: yearly season. */
  public static final int WEEKLY = 52;

  /** Monthly data: yearly season. */
  public static final int MONTHLY = 12;

  public SeasonalNaive {
    Checks.atLeast("period", period, 1);
  }

  @Override
  public String name() {
    return "seasonal_naive";
  }

  @Override
  public void forecast(float[] values, int start, int length, int horizon, double[] out, int off) {
    SeriesForecaster.checkDemand(values, start, length);
    if (length < period) {
      new Naive().forecast(values, start, length, horizon, out, off);
      return;
    }
    int seasonStart = start + length - period;
    for (int k = 0; k < horizon; k++) {
      out[off + k] = values[seasonStart + (k % period)];
    }
  }
}
