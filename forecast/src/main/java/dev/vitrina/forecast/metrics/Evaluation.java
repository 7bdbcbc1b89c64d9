package dev.vitrina.forecast.metrics;

import dev.vitrina.core.check.Checks;

/**
 * Per-series errors of a forecast of {@code n} series over {@code horizon} periods, and their
 * {@link MetricSummary}. Arrays are indexed by series.
 *
 * @param mae mean absolute error per series
 * @param rmse root mean squared error per series
 * @param mase MAE over the {@link Scales#mase} scale (NaN when the scale is undefined or 0)
 * @param rmsse {@code sqrt(MSE / }{@link Scales#rmsse}{@code )} (NaN when undefined or 0)
 * @param sumActual total actual demand per series over the horizon
 * @param sumError total signed error {@code forecast - actual} per series
 * @param summary the aggregate
 */
public record Evaluation(
    double[] mae,
    double[] rmse,
    double[] mase,
    double[] rmsse,
    double[] sumActual,
    double[] sumError,
    MetricSummary summary) {

  /**
   * Evaluates forecasts against actuals.
   *
   * @param history flat training histories (series {@code s}: {@code history[historyOffsets[s] ..
   *     historyOffsets[s+1])}), used only for the MASE and RMSSE scales
   * @param actual {@code n * horizon} actual values, series-major
   * @param forecast {@code n * horizon} forecasts, series-major
   * @param maseSeason the season {@code m} of the MASE scale (1: naive)
   */
  public static Evaluation of(
      float[] history,
      int[] historyOffsets,
      double[] actual,
      double[] forecast,
      int horizon,
      int maseSeason) {
    int n = historyOffsets.length - 1;
    Checks.atLeast("horizon", horizon, 1);
    Checks.require(
        actual.length == (long) n * horizon && forecast.length == actual.length,
        "actual and forecast must hold series * horizon = "
            + (long) n * horizon
            + " values, got "
            + actual.length
            + " and "
            + forecast.length);
    double[] mae = new double[n];
    double[] rmse = new double[n];
    double[] mase = new double[n];
    double[] rmsse = new double[n];
    double[] sumActual = new double[n];
    double[] sumError = new double[n];
    double totAbs = 0;
    double totSq = 0;
    double totErr = 0;
    double totAct = 0;
    double maseSum = 0;
    double rmsseSum = 0;
    int scaled = 0;
    for (int s = 0; s < n; s++) {
      double abs = 0;
      double sq = 0;
      double err = 0;
      double act = 0;
      for (int k = s * horizon; k < (s + 1) * horizon; k++) {
        double e = forecast[k] - actual[k];
        abs += Math.abs(e);
        sq += e * e;
        err += e;
        act += actual[k];
      }
      mae[s] = abs / horizon;
      rmse[s] = Math.sqrt(sq / horizon);
      sumActual[s] = act;
      sumError[s] = err;
      int start = historyOffsets[s];
      int len = historyOffsets[s + 1] - start;
      double ms = Scales.mase(history, start, len, maseSeason);
      double rs = Scales.rmsse(history, start, len);
      mase[s] = ms > 0 ? mae[s] / ms : Double.NaN;
      rmsse[s] = rs > 0 ? Math.sqrt(sq / horizon / rs) : Double.NaN;
      if (ms > 0 && rs > 0) {
        maseSum += mase[s];
        rmsseSum += rmsse[s];
        scaled++;
      }
      totAbs += abs;
      totSq += sq;
      totErr += err;
      totAct += act;
    }
    long cells = (long) n * horizon;
    MetricSummary summary =
        new MetricSummary(
            n,
            cells,
            totAct > 0 ? totAbs / totAct : Double.NaN,
            totAct > 0 ? totErr / totAct : Double.NaN,
            totAbs / cells,
            Math.sqrt(totSq / cells),
            scaled > 0 ? maseSum / scaled : Double.NaN,
            scaled > 0 ? rmsseSum / scaled : Double.NaN,
            scaled);
    return new Evaluation(mae, rmse, mase, rmsse, sumActual, sumError, summary);
  }
}
