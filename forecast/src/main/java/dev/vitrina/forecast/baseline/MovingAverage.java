package dev.vitrina.forecast.baseline;

import dev.vitrina.core.check.Checks;
import java.util.Arrays;

/**
 * The moving average: every future period equals the mean of the last {@code window} observations
 * (of all observations when the history is shorter; 0 for no history).
 *
 * @param window the number of trailing observations averaged, {@code >= 1}
 */
public record MovingAverage(int window) implements SeriesForecaster {

  public MovingAverage {
    Checks.atLeast("window", window, 1);
  }

  @Override
  public String name() {
    return "moving_average_" + window;
  }

  @Override
  public void forecast(float[] values, int start, int length, int horizon, double[] out, int off) {
    SeriesForecaster.checkDemand(values, start, length);
    int w = Math.min(window, length);
    double sum = 0;
    for (int i = start + length - w; i < start + length; i++) {
      sum += values[i];
    }
    Arrays.fill(out, off, off + horizon, w == 0 ? 0 : sum / w);
  }
}
