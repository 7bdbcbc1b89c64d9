package dev.vitrina.forecast.backtest;

import dev.vitrina.forecast.metrics.MetricSummary;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a backtest.
 *
 * @param folds one entry per (fold, model)
 * @param pooled per model, the metrics over all folds' (series, fold) pairs together
 * @param spec the backtest's spec
 */
public record BacktestResult(
    List<FoldResult> folds, Map<String, MetricSummary> pooled, BacktestSpec spec) {

  /**
   * One model on one fold.
   *
   * @param fold the fold index, 0 = oldest origin
   * @param origin the first forecast period
   * @param originLabel its label (e.g. a date)
   * @param model the model name
   * @param summary its errors on the evaluated series
   * @param seconds wall-clock time to train and predict
   * @param evaluated which series were evaluated (indices into the data)
   * @param forecast the forecasts of the evaluated series, {@code evaluated.length * horizon}
   * @param actual the actuals of the evaluated series
   */
  public record FoldResult(
      int fold,
      int origin,
      String originLabel,
      String model,
      MetricSummary summary,
      double seconds,
      int[] evaluated,
      double[] forecast,
      double[] actual) {}
}
