package dev.vitrina.forecast.backtest;

import dev.vitrina.forecast.metrics.MetricSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
   * The record view that {@code --json} and services return: the origins and one row per model,
   * without the per-series forecasts.
   */
  public Summary summary() {
    List<String> origins = new ArrayList<>();
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (FoldResult f : folds) {
      if (!origins.contains(f.originLabel())) {
        origins.add(f.originLabel());
      }
      seconds.merge(f.model(), f.seconds(), Double::sum);
    }
    List<ModelSummary> models = new ArrayList<>();
    for (Map.Entry<String, MetricSummary> e : pooled.entrySet()) {
      MetricSummary s = e.getValue();
      models.add(
          new ModelSummary(
              e.getKey(),
              s.mase(),
              s.rmsse(),
              s.wape(),
              s.bias(),
              s.mae(),
              s.rmse(),
              s.series(),
              s.scaledSeries(),
              seconds.getOrDefault(e.getKey(), 0.0)));
    }
    return new Summary(origins, models);
  }

  /**
   * A backtest without its forecasts.
   *
   * @param origins the origins' labels, oldest first
   * @param models per model, the pooled scores
   */
  public record Summary(List<String> origins, List<ModelSummary> models) {}

  /**
   * One model's scores pooled over the folds.
   *
   * @param model the model name
   * @param mase MASE
   * @param rmsse RMSSE
   * @param wape WAPE
   * @param bias bias
   * @param mae MAE
   * @param rmse RMSE
   * @param scoredPairs (series, origin) pairs scored
   * @param scaledPairs pairs with a defined MASE/RMSSE scale
   * @param seconds time to train and predict, summed over folds
   */
  public record ModelSummary(
      String model,
      double mase,
      double rmsse,
      double wape,
      double bias,
      double mae,
      double rmse,
      int scoredPairs,
      int scaledPairs,
      double seconds) {}

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
