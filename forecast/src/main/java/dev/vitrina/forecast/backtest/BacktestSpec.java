package dev.vitrina.forecast.backtest;

import dev.vitrina.core.check.Checks;
import dev.vitrina.core.check.ParameterException;

/**
 * A rolling-origin evaluation (Tashman 2000, "Out-of-sample tests of forecasting accuracy",
 * International Journal of Forecasting 16(4)): {@code folds} origins, {@code step} periods apart,
 * the last one {@code horizon} periods before the end of the data; each fold forecasts {@code
 * horizon} periods from its origin using only data before it.
 *
 * @param folds the number of origins, {@code >= 1}
 * @param horizon periods forecast per origin, {@code >= 1}
 * @param step periods between consecutive origins, {@code >= 1}
 */
public record BacktestSpec(int folds, int horizon, int step) {

  public BacktestSpec {
    Checks.atLeast("folds", folds, 1);
    Checks.atLeast("horizon", horizon, 1);
    Checks.atLeast("step", step, 1);
  }

  /**
   * The origins (first forecast period of each fold) for data with {@code periods} periods, oldest
   * first.
   *
   * @throws ParameterException naming {@code folds} when the first origin would leave fewer than
   *     {@code minHistory} periods of history
   */
  public int[] origins(int periods, int minHistory) {
    int[] o = new int[folds];
    for (int i = 0; i < folds; i++) {
      o[i] = periods - horizon - (folds - 1 - i) * step;
    }
    if (o[0] < minHistory) {
      throw new ParameterException(
          "folds",
          "of "
              + folds
              + " (step "
              + step
              + ", horizon "
              + horizon
              + ") puts the first origin at period "
              + o[0]
              + " of "
              + periods
              + ", leaving less than "
              + minHistory
              + " periods of history; use fewer folds, a smaller step or horizon");
    }
    return o;
  }
}
