package dev.vitrina.forecast.baseline;

import java.util.Arrays;

/** The naive forecast: every future period equals the last observed value (0 for no history). */
public record Naive() implements SeriesForecaster {

  @Override
  public String name() {
    return "naive";
  }

  @Override
  public void forecast(float[] values, int start, int length, int horizon, double[] out, int off) {
    SeriesForecaster.checkDemand(values, start, length);
    double last = length == 0 ? 0 : values[start + length - 1];
    Arrays.fill(out, off, off + horizon, last);
  }
}
