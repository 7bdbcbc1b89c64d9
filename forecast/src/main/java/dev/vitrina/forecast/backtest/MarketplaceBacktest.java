package dev.vitrina.forecast.backtest;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.os.ProcessStats;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Panel;
import dev.vitrina.demand.sales.SalesTable;
import dev.vitrina.forecast.gbm.GbmModel;
import dev.vitrina.forecast.marketplace.MarketplaceForecast;
import dev.vitrina.forecast.marketplace.MarketplaceHistory;
import dev.vitrina.forecast.marketplace.MarketplaceSpec;
import dev.vitrina.forecast.marketplace.MarketplaceTrainer;
import dev.vitrina.forecast.metrics.Evaluation;
import dev.vitrina.forecast.metrics.HierarchyLevel;
import dev.vitrina.forecast.metrics.MetricSummary;
import dev.vitrina.forecast.metrics.Wrmsse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling-origin backtest of a {@link MarketplaceSpec} on a marketplace, scored at store x item x
 * day: at each origin a {@link MarketplaceTrainer} fits the model on the sales before it and
 * forecasts from it ({@link MarketplaceTrainer#fitAndForecast}); the scores are WRMSSE over the
 * hierarchy levels that exist in the data (the M5 levels: total, state, store, category,
 * department, their crossings, item, item x state, item x store), and WAPE, bias, MAE, RMSE, MASE,
 * RMSSE over the bottom series.
 *
 * <p>No leakage: at each origin the level panel is built with {@code end = origin - 1}, so the
 * feature engine never reads a sale on or after the origin; the bottom panel is used after the
 * origin only for the actuals.
 */
public final class MarketplaceBacktest {

  private MarketplaceBacktest() {}

  /**
   * One fold.
   *
   * @param origin the first forecast day
   * @param wrmsse the WRMSSE and its level scores
   * @param bottom errors over the bottom series
   * @param featureSeconds panel and feature time
   * @param fitSeconds model training time (or baseline time)
   * @param predictSeconds disaggregation time
   * @param peakHeapMb peak Java heap during the fold (sum of the heap pools' peaks)
   * @param bestRounds LightGBM rounds kept, per direct model
   * @param levelSeries series at the model's level
   * @param bottomWithoutParent bottom series forecast 0 (no parent at the origin)
   */
  public record Fold(
      LocalDate origin,
      Wrmsse.Result wrmsse,
      MetricSummary bottom,
      double featureSeconds,
      double fitSeconds,
      double predictSeconds,
      double peakHeapMb,
      List<Integer> bestRounds,
      int levelSeries,
      int bottomWithoutParent) {}

  /** The folds plus per-series samples for plots. */
  public record Result(MarketplaceSpec spec, List<Fold> folds, List<Sample> samples) {

    /** The mean of a value over folds. */
    public double mean(java.util.function.ToDoubleFunction<Fold> f) {
      return folds.stream().mapToDouble(f).average().orElse(Double.NaN);
    }
  }

  /**
   * A series' last fold, for charts.
   *
   * @param name the series' key
   * @param history the 56 days before the origin
   * @param actual the actuals
   * @param forecast the forecast
   */
  public record Sample(String name, double[] history, double[] actual, double[] forecast) {}

  /** The M5 aggregation levels, as column lists; those whose columns exist are used. */
  public static final List<List<String>> M5_LEVELS =
      List.of(
          List.of(),
          List.of("state"),
          List.of("store"),
          List.of("category"),
          List.of("department"),
          List.of("state", "category"),
          List.of("state", "department"),
          List.of("store", "category"),
          List.of("store", "department"),
          List.of("item"),
          List.of("item", "state"),
          List.of("store", "item"));

  /** Days of history the first origin must leave. */
  static final int MIN_HISTORY_DAYS = 56;

  /**
   * Backtest origins (epoch days), oldest first: the last fold's horizon ends at the last day of
   * data; origins are {@code stepDays} apart and moved back to a Monday, so daily and weekly models
   * are evaluated on the same days.
   *
   * @throws ParameterException naming {@code folds} when the first origin would leave less than 56
   *     days of history
   */
  public static int[] origins(
      MarketplaceHistory history, int folds, int horizonDays, int stepDays) {
    int[] o = new int[folds];
    for (int f = 0; f < folds; f++) {
      int d = history.lastDay() - horizonDays + 1 - (folds - 1 - f) * stepDays;
      o[f] = Freq.WEEK.periodStart(d);
    }
    if (o[0] - history.firstDay() < MIN_HISTORY_DAYS) {
      throw new ParameterException(
          "folds",
          "of "
              + folds
              + " puts the first origin at "
              + LocalDate.ofEpochDay(o[0])
              + ", which leaves less than "
              + MIN_HISTORY_DAYS
              + " days of history (data start "
              + LocalDate.ofEpochDay(history.firstDay())
              + "); use fewer folds or a smaller step");
    }
    return o;
  }

  /** Runs the backtest; {@code sampleSeries} bottom series (top sellers) are kept for charts. */
  public static Result run(
      MarketplaceHistory history,
      MarketplaceSpec spec,
      int folds,
      int stepDays,
      int sampleSeries,
      Progress progress) {
    int h = spec.horizonDays();
    int[] origins = origins(history, folds, h, stepDays);
    MarketplaceTrainer trainer = new MarketplaceTrainer(spec);
    Panel bottom = history.bottom();
    List<HierarchyLevel> levels = hierarchy(bottom);
    List<Fold> out = new ArrayList<>();
    List<Sample> samples = new ArrayList<>();
    for (int f = 0; f < origins.length; f++) {
      int o = origins[f];
      progress.message("fold " + (f + 1) + "/" + folds + " origin " + LocalDate.ofEpochDay(o));
      ProcessStats.resetPeakHeap();
      MarketplaceTrainer.Fitted fitted = trainer.fitAndForecast(history, o, Progress.silent());
      MarketplaceForecast r = fitted.forecast();
      double peak = ProcessStats.peakHeapMb();
      int n = bottom.seriesCount();
      int t = o - history.firstDay();
      float[] train = history.bottomWindow(history.firstDay(), o);
      for (int i = 0; i < train.length; i++) {
        if (Float.isNaN(train[i])) {
          train[i] = 0;
        }
      }
      float[] act = history.bottomWindow(o, o + h);
      double[] actual = new double[act.length];
      for (int i = 0; i < act.length; i++) {
        actual[i] = Float.isNaN(act[i]) ? 0 : act[i];
      }
      double[] dollars = dollarSales(history, o - 28, o);
      Wrmsse.Result w = Wrmsse.compute(train, t, actual, r.bottom(), h, dollars, levels);
      // per-series history from the first sale on, for MASE / RMSSE
      float[] hist = history.bottomWindow(history.firstDay(), o);
      int[] off = new int[n + 1];
      float[] flat = new float[hist.length];
      int used = 0;
      for (int s = 0; s < n; s++) {
        for (int i = s * t; i < (s + 1) * t; i++) {
          if (!Float.isNaN(hist[i])) {
            flat[used++] = hist[i];
          }
        }
        off[s + 1] = used;
      }
      MetricSummary ms =
          Evaluation.of(java.util.Arrays.copyOf(flat, used), off, actual, r.bottom(), h, 1)
              .summary();
      List<Integer> rounds = new ArrayList<>();
      for (GbmModel m : fitted.model().models()) {
        rounds.add(m.bestRound());
      }
      fitted.close();
      out.add(
          new Fold(
              LocalDate.ofEpochDay(o),
              w,
              ms,
              r.featureSeconds(),
              r.fitSeconds(),
              r.predictSeconds(),
              peak,
              rounds,
              r.levelPanel().seriesCount(),
              r.bottomWithoutParent()));
      if (f == origins.length - 1 && sampleSeries > 0) {
        samples.addAll(samples(history, o, h, actual, r.bottom(), dollars, sampleSeries));
      }
      progress.step(1);
    }
    return new Result(spec, out, samples);
  }

  /** The hierarchy levels of the M5 evaluation that exist among the bottom panel's columns. */
  public static List<HierarchyLevel> hierarchy(Panel bottom) {
    List<HierarchyLevel> levels = new ArrayList<>();
    for (List<String> cols : M5_LEVELS) {
      if (!bottom.keyColumns().containsAll(cols)) {
        continue;
      }
      if (cols.isEmpty()) {
        levels.add(HierarchyLevel.total(bottom.seriesCount()));
        continue;
      }
      String[] keys = new String[bottom.seriesCount()];
      for (int s = 0; s < keys.length; s++) {
        StringBuilder b = new StringBuilder();
        for (String c : cols) {
          b.append(bottom.key(s, c)).append('|');
        }
        keys[s] = b.toString();
      }
      levels.add(HierarchyLevel.of(String.join(",", cols), keys));
    }
    return levels;
  }

  /** Quantity times price per bottom series over {@code [fromDay, toDay)} (the M5 weights). */
  public static double[] dollarSales(MarketplaceHistory history, int fromDay, int toDay) {
    Panel bottom = history.bottom();
    SalesTable sales = history.sales();
    Map<Long, Integer> seriesOf = new HashMap<>();
    int nItems = sales.items().size();
    for (int s = 0; s < bottom.seriesCount(); s++) {
      int st = sales.stores().require(bottom.key(s, "store"), "store");
      int it = sales.items().require(bottom.key(s, "item"), "item");
      seriesOf.put((long) st * nItems + it, s);
    }
    double[] d = new double[bottom.seriesCount()];
    int[] day = sales.day();
    for (int i = 0; i < sales.rows(); i++) {
      if (day[i] >= fromDay && day[i] < toDay) {
        float price = sales.price()[i];
        if (Float.isFinite(price)) {
          Integer s = seriesOf.get((long) sales.store()[i] * nItems + sales.item()[i]);
          if (s != null) {
            d[s] += sales.qty()[i] * (double) price;
          }
        }
      }
    }
    return d;
  }

  private static List<Sample> samples(
      MarketplaceHistory history,
      int o,
      int h,
      double[] actual,
      double[] forecast,
      double[] dollars,
      int k) {
    Panel bottom = history.bottom();
    Integer[] order = new Integer[bottom.seriesCount()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(dollars[b], dollars[a]));
    float[] hist = history.bottomWindow(o - 56, o);
    List<Sample> out = new ArrayList<>();
    for (int i = 0; i < Math.min(k, order.length); i++) {
      int s = order[i];
      double[] hs = new double[56];
      for (int t = 0; t < 56; t++) {
        float v = hist[s * 56 + t];
        hs[t] = Float.isNaN(v) ? 0 : v;
      }
      out.add(
          new Sample(
              bottom.key(s, "item") + " @ " + bottom.key(s, "store"),
              hs,
              java.util.Arrays.copyOfRange(actual, s * h, (s + 1) * h),
              java.util.Arrays.copyOfRange(forecast, s * h, (s + 1) * h)));
    }
    return out;
  }

  /**
   * The scores averaged over the folds, in report order: {@code wrmsse, wape, bias, mae, rmse,
   * mase, rmsse} (all at store x item x day).
   */
  public static Map<String, Double> meanMetrics(Result r) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("wrmsse", r.mean(f -> f.wrmsse().wrmsse()));
    m.put("wape", r.mean(f -> f.bottom().wape()));
    m.put("bias", r.mean(f -> f.bottom().bias()));
    m.put("mae", r.mean(f -> f.bottom().mae()));
    m.put("rmse", r.mean(f -> f.bottom().rmse()));
    m.put("mase", r.mean(f -> f.bottom().mase()));
    m.put("rmsse", r.mean(f -> f.bottom().rmsse()));
    return m;
  }

  /**
   * One backtest run summarised: the spec, the scores averaged over folds, the mean times, then
   * each fold's scores.
   *
   * @param model the model name
   * @param level the forecast level, e.g. {@code item,state}
   * @param freq the forecast frequency
   * @param horizonDays the horizon in days
   * @param wrmsse mean WRMSSE over folds
   * @param wape mean WAPE at store x item x day
   * @param bias mean bias
   * @param mae mean MAE
   * @param rmse mean RMSE
   * @param mase mean MASE
   * @param rmsse mean RMSSE
   * @param featureSeconds mean panel and feature time per fold
   * @param fitSeconds mean training time per fold
   * @param disaggregateSeconds mean disaggregation time per fold
   * @param peakHeapMb the largest fold's peak Java heap
   * @param peakRssMb the process's peak resident memory so far
   * @param folds per fold, oldest origin first
   */
  public record Summary(
      String model,
      String level,
      Freq freq,
      int horizonDays,
      double wrmsse,
      double wape,
      double bias,
      double mae,
      double rmse,
      double mase,
      double rmsse,
      double featureSeconds,
      double fitSeconds,
      double disaggregateSeconds,
      double peakHeapMb,
      double peakRssMb,
      List<FoldSummary> folds) {}

  /**
   * One fold's scores.
   *
   * @param origin the first forecast day
   * @param wrmsse the WRMSSE
   * @param wrmsseLevels the RMSSE of each hierarchy level
   * @param wape WAPE at store x item x day
   * @param bias bias
   * @param mae MAE
   * @param rmse RMSE
   * @param mase MASE
   * @param rmsse RMSSE
   * @param featureSeconds panel and feature time
   * @param fitSeconds training time
   * @param disaggregateSeconds disaggregation time
   * @param peakHeapMb peak Java heap
   * @param bestRounds LightGBM rounds kept, per direct model
   * @param levelSeries series at the model's level
   * @param bottomWithoutParent bottom series forecast 0 (no parent at the origin)
   */
  public record FoldSummary(
      LocalDate origin,
      double wrmsse,
      Map<String, Double> wrmsseLevels,
      double wape,
      double bias,
      double mae,
      double rmse,
      double mase,
      double rmsse,
      double featureSeconds,
      double fitSeconds,
      double disaggregateSeconds,
      double peakHeapMb,
      List<Integer> bestRounds,
      int levelSeries,
      int bottomWithoutParent) {}

  /** The summary of a result, as {@code --json} and services return it. */
  public static Summary summary(Result r) {
    MarketplaceSpec s = r.spec();
    Map<String, Double> m = meanMetrics(r);
    List<FoldSummary> folds = new ArrayList<>();
    for (Fold f : r.folds()) {
      folds.add(
          new FoldSummary(
              f.origin(),
              f.wrmsse().wrmsse(),
              f.wrmsse().levels(),
              f.bottom().wape(),
              f.bottom().bias(),
              f.bottom().mae(),
              f.bottom().rmse(),
              f.bottom().mase(),
              f.bottom().rmsse(),
              f.featureSeconds(),
              f.fitSeconds(),
              f.predictSeconds(),
              f.peakHeapMb(),
              f.bestRounds(),
              f.levelSeries(),
              f.bottomWithoutParent()));
    }
    return new Summary(
        s.model(),
        s.level().toString(),
        s.freq(),
        s.horizonDays(),
        m.get("wrmsse"),
        m.get("wape"),
        m.get("bias"),
        m.get("mae"),
        m.get("rmse"),
        m.get("mase"),
        m.get("rmsse"),
        r.mean(Fold::featureSeconds),
        r.mean(Fold::fitSeconds),
        r.mean(Fold::predictSeconds),
        r.folds().stream().mapToDouble(Fold::peakHeapMb).max().orElse(0),
        ProcessStats.peakRssMb(),
        folds);
  }
}
