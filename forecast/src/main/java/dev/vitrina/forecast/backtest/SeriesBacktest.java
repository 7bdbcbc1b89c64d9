package dev.vitrina.forecast.backtest;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.forecast.metrics.Evaluation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs models through a rolling-origin backtest on {@link FlatSeries}. At every origin each model
 * sees the data cut at the origin ({@link FlatSeries#cut}: nothing at or after it), so no model can
 * leak future values. A series is scored at an origin when it has at least {@code minHistory}
 * values before the origin and actual values for the whole horizon after it (series that stopped
 * being recorded are skipped there, and counted).
 */
public final class SeriesBacktest {

  private SeriesBacktest() {}

  /**
   * Runs the backtest.
   *
   * @param maseSeason the season of the MASE scale (1: naive in-sample errors)
   * @param minHistory minimum values before an origin for a series to be scored
   */
  public static BacktestResult run(
      FlatSeries data,
      BacktestSpec spec,
      List<SeriesModel> models,
      int maseSeason,
      int minHistory,
      Progress progress) {
    int periods = data.periodLabels().length;
    int[] origins = spec.origins(periods, minHistory);
    int h = spec.horizon();
    List<BacktestResult.FoldResult> folds = new ArrayList<>();
    Map<String, List<double[]>> pooledF = new LinkedHashMap<>();
    List<float[]> pooledHist = new ArrayList<>();
    List<double[]> pooledAct = new ArrayList<>();
    for (int f = 0; f < origins.length; f++) {
      int origin = origins[f];
      FlatSeries hist = data.cut(origin);
      int[] eval = evaluable(data, hist, origin, h, minHistory);
      int[] evalOff = new int[eval.length + 1];
      for (int i = 0; i < eval.length; i++) {
        evalOff[i + 1] = evalOff[i] + hist.length(eval[i]);
      }
      float[] evalHist = new float[evalOff[eval.length]];
      double[] actual = new double[eval.length * h];
      for (int i = 0; i < eval.length; i++) {
        int s = eval[i];
        System.arraycopy(hist.values(), hist.offsets()[s], evalHist, evalOff[i], hist.length(s));
        int at = data.offsets()[s] + (origin - data.firstPeriod()[s]);
        for (int k = 0; k < h; k++) {
          actual[i * h + k] = data.values()[at + k];
        }
      }
      for (int i = 0; i < eval.length; i++) {
        pooledHist.add(Arrays.copyOfRange(evalHist, evalOff[i], evalOff[i + 1]));
        pooledAct.add(Arrays.copyOfRange(actual, i * h, (i + 1) * h));
      }
      for (SeriesModel m : models) {
        progress.message("fold " + (f + 1) + "/" + origins.length + " " + m.name());
        long t0 = System.nanoTime();
        double[] all = m.forecast(hist, origin, h, Progress.silent());
        double secs = (System.nanoTime() - t0) / 1e9;
        double[] fc = new double[eval.length * h];
        for (int i = 0; i < eval.length; i++) {
          System.arraycopy(all, eval[i] * h, fc, i * h, h);
        }
        Evaluation e = Evaluation.of(evalHist, evalOff, actual, fc, h, maseSeason);
        folds.add(
            new BacktestResult.FoldResult(
                f,
                origin,
                data.periodLabels()[origin],
                m.name(),
                e.summary(),
                secs,
                eval,
                fc,
                actual));
        List<double[]> pf = pooledF.computeIfAbsent(m.name(), k -> new ArrayList<>());
        for (int i = 0; i < eval.length; i++) {
          pf.add(Arrays.copyOfRange(fc, i * h, (i + 1) * h));
        }
        progress.step(1);
      }
    }
    // pooled: every (series, fold) pair is one scored series
    int pairs = pooledHist.size();
    int[] off = new int[pairs + 1];
    for (int i = 0; i < pairs; i++) {
      off[i + 1] = off[i] + pooledHist.get(i).length;
    }
    float[] ph = new float[off[pairs]];
    double[] pa = new double[pairs * h];
    for (int i = 0; i < pairs; i++) {
      System.arraycopy(pooledHist.get(i), 0, ph, off[i], pooledHist.get(i).length);
      System.arraycopy(pooledAct.get(i), 0, pa, i * h, h);
    }
    Map<String, dev.vitrina.forecast.metrics.MetricSummary> pooled = new LinkedHashMap<>();
    for (Map.Entry<String, List<double[]>> e : pooledF.entrySet()) {
      double[] pf = new double[pairs * h];
      for (int i = 0; i < pairs; i++) {
        System.arraycopy(e.getValue().get(i), 0, pf, i * h, h);
      }
      pooled.put(e.getKey(), Evaluation.of(ph, off, pa, pf, h, maseSeason).summary());
    }
    return new BacktestResult(folds, pooled, spec);
  }

  private static int[] evaluable(
      FlatSeries data, FlatSeries hist, int origin, int h, int minHistory) {
    int[] out = new int[data.size()];
    int n = 0;
    for (int s = 0; s < data.size(); s++) {
      int end = data.firstPeriod()[s] + data.length(s);
      if (hist.length(s) >= minHistory && end >= origin + h) {
        out[n++] = s;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
