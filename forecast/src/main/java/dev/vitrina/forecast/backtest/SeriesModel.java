package dev.vitrina.forecast.backtest;

import dev.vitrina.core.progress.Progress;

/**
 * A forecasting method that a backtest can run on {@link FlatSeries}: it sees only the history
 * before an origin and returns point forecasts for the next {@code horizon} periods of every
 * series.
 */
public interface SeriesModel {

  /** The name used in result tables. */
  String name();

  /**
   * Forecasts.
   *
   * @param history every series cut at the origin (values at periods {@code < origin} only)
   * @param origin the first forecast period on the shared axis
   * @param horizon the number of periods to forecast
   * @return {@code n * horizon} forecasts, series-major
   */
  double[] forecast(FlatSeries history, int origin, int horizon, Progress progress);
}
