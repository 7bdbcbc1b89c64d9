package dev.vitrina.forecast.backtest;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.forecast.baseline.SeriesForecaster;

/**
 * A per-series baseline as a {@link SeriesModel}. A series that ends before the origin is forecast
 * from its last values (the backtest leaves such series out of the scores anyway).
 */
public record BaselineModel(SeriesForecaster method) implements SeriesModel {

  @Override
  public String name() {
    return method.name();
  }

  @Override
  public double[] forecast(FlatSeries history, int origin, int horizon, Progress progress) {
    return method.forecastAll(history.values(), history.offsets(), horizon);
  }
}
