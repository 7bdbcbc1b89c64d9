package dev.vitrina.forecast.marketplace;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.demand.features.FeatureEngine;
import dev.vitrina.demand.features.FeatureMatrix;
import dev.vitrina.demand.features.FeatureSpec;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.demand.panel.Panel;
import dev.vitrina.demand.panel.PanelBuilder;
import dev.vitrina.demand.panel.PanelOptions;
import dev.vitrina.forecast.baseline.SeasonalNaive;
import dev.vitrina.forecast.baseline.SeriesForecaster;
import dev.vitrina.forecast.gbm.GbmModel;
import dev.vitrina.forecast.gbm.GbmTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over a marketplace's history at one origin, shared by {@link MarketplaceTrainer} and
 * {@link MarketplaceModel}: builds the level's panel from the sales before the origin only ({@link
 * PanelOptions#end()} is the day before it), builds the LightGBM features and either trains a model
 * per direct group or reuses trained ones, predicts (direct or recursive) or runs a baseline per
 * series, and disaggregates to store x item x day ({@link BottomDisaggregation}).
 *
 * <p>Training and forecasting in the same pass build each feature matrix once; a pass that reuses
 * trained models builds the same matrices, so it forecasts exactly what the training pass did.
 */
final class ForecastPass {

  /**
   * What a pass produced.
   *
   * @param forecast the forecast, or null for a pass that only trains
   * @param models the LightGBM models used, one per direct group (empty for a baseline)
   */
  record Outcome(MarketplaceForecast forecast, List<GbmModel> models) {}

  /** Days of history the origin must leave. */
  static final int MIN_HISTORY_DAYS = 28;

  private final MarketplaceHistory history;
  private final MarketplaceSpec spec;
  private final int originDay;
  private final List<GbmModel> trained;
  private final boolean predict;
  private final Progress progress;
  private final int hp;
  private final List<GbmModel> models = new ArrayList<>();
  private double featureSeconds;
  private double fitSeconds;
  private int[] firstSaleRow;

  private ForecastPass(
      MarketplaceHistory history,
      MarketplaceSpec spec,
      int originDay,
      List<GbmModel> trained,
      boolean predict,
      Progress progress) {
    this.history = history;
    this.spec = spec;
    this.originDay = originDay;
    this.trained = trained;
    this.predict = predict;
    this.progress = progress;
    this.hp = spec.horizonPeriods();
  }

  /**
   * Runs a pass.
   *
   * @param trained the models to reuse (one per direct group), or null to train them
   * @param predict false to stop after training (no forecast)
   */
  static Outcome run(
      MarketplaceHistory history,
      MarketplaceSpec spec,
      int originDay,
      List<GbmModel> trained,
      boolean predict,
      Progress progress) {
    checkOrigin(history, spec, originDay);
    return new ForecastPass(history, spec, originDay, trained, predict, progress).run();
  }

  /**
   * Checks that a forecast can start at {@code originDay}: at most the day after the data, at least
   * {@value #MIN_HISTORY_DAYS} days after its start, a Monday for weekly forecasts.
   *
   * @throws ParameterException naming {@code origin}
   */
  static void checkOrigin(MarketplaceHistory history, MarketplaceSpec spec, int originDay) {
    int last = history.lastDay();
    if (originDay > last + 1) {
      throw new ParameterException(
          "origin",
          "must be at most the day after the data's last day "
              + LocalDate.ofEpochDay(last)
              + ", got "
              + LocalDate.ofEpochDay(originDay)
              + "; forecast from at most "
              + LocalDate.ofEpochDay(last + 1));
    }
    int first = history.firstDay();
    if (originDay - first < MIN_HISTORY_DAYS) {
      throw new ParameterException(
          "origin",
          LocalDate.ofEpochDay(originDay)
              + " leaves less than "
              + MIN_HISTORY_DAYS
              + " days of history (data start "
              + LocalDate.ofEpochDay(first)
              + "); choose a later origin, from "
              + LocalDate.ofEpochDay(first + MIN_HISTORY_DAYS)
              + " on");
    }
    if (spec.freq() != Freq.DAY && Freq.WEEK.periodStart(originDay) != originDay) {
      throw new ParameterException(
          "origin",
          "must be a Monday for a weekly forecast, got "
              + LocalDate.ofEpochDay(originDay)
              + "; e.g. "
              + LocalDate.ofEpochDay(Freq.WEEK.periodStart(originDay)));
    }
  }

  private Outcome run() {
    long t0 = System.nanoTime();
    Panel panel;
    double[] atLevel;
    if (spec.model().equals("lgbm")) {
      panel = lgbmPanel();
      atLevel = predict ? new double[panel.seriesCount() * hp] : null;
      if (spec.recursive()) {
        recursive(panel, atLevel);
      } else {
        direct(panel, atLevel);
      }
    } else {
      long f0 = System.nanoTime();
      panel = baselinePanel();
      featureSeconds = (System.nanoTime() - f0) / 1e9;
      if (!predict) {
        return new Outcome(null, List.of());
      }
      long m0 = System.nanoTime();
      atLevel =
          baseline(spec.model(), spec.freq()).forecastAll(panel.values(), panel.offsets(), hp);
      fitSeconds = (System.nanoTime() - m0) / 1e9;
    }
    if (!predict) {
      return new Outcome(null, List.copyOf(models));
    }
    long d0 = System.nanoTime();
    BottomDisaggregation.Result bottom =
        new BottomDisaggregation(history, spec, originDay).apply(panel, atLevel);
    double predictSeconds = (System.nanoTime() - d0) / 1e9;
    progress.message("forecast done in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    return new Outcome(
        new MarketplaceForecast(
            bottom.daily(),
            panel,
            atLevel,
            featureSeconds,
            fitSeconds,
            predictSeconds,
            bottom.withoutParent()),
        List.copyOf(models));
  }

  /**
   * The level's panel for training: the training, validation and warm-up periods before the origin.
   */
  private Panel lgbmPanel() {
    Freq freq = spec.freq();
    int periodDays = freq.days();
    int warmP = LevelFeatures.warmup(freq, spec.recursive() ? 1 : spec.directGroups().getLast());
    int startDay = originDay - (trainPeriods() + validPeriods() + warmP) * periodDays;
    PanelOptions opt =
        new PanelOptions(
            level(),
            freq,
            LocalDate.ofEpochDay(Math.max(startDay, history.firstDay())),
            LocalDate.ofEpochDay(originDay - 1),
            hp);
    return PanelBuilder.build(history.sales(), history.dimensions(), opt);
  }

  /** The level's panel for a baseline: every day before the origin. */
  private Panel baselinePanel() {
    return PanelBuilder.build(
        history.sales(),
        history.dimensions(),
        new PanelOptions(level(), spec.freq(), null, LocalDate.ofEpochDay(originDay - 1), 0));
  }

  private Level level() {
    return LevelFeatures.augmentedLevel(spec.level(), history.dimensions());
  }

  private int trainPeriods() {
    return Math.max(1, spec.trainDays() / spec.freq().days());
  }

  private int validPeriods() {
    return Math.max(1, spec.validDays() / spec.freq().days());
  }

  /**
   * The recursive strategy: one one-step model, fed its own forecasts ({@link RecursiveStrategy}).
   */
  private void recursive(Panel panel, double[] atLevel) {
    FeatureSpec base = LevelFeatures.featureSpec(spec.freq(), 1);
    long f0 = System.nanoTime();
    FeatureMatrix fm = features(panel, base);
    LevelFeatures.Columns cols = LevelFeatures.withKeyColumns(panel, fm);
    featureSeconds += (System.nanoTime() - f0) / 1e9;
    GbmModel model = model(0, panel, fm, cols);
    models.add(model);
    if (predict) {
      RecursiveStrategy.forecast(
          panel, base, cols.columns(), model, panel.observedPeriods(), hp, atLevel);
    }
  }

  /** The direct strategy: per group, a model on lags beyond the group's end forecasts its steps. */
  private void direct(Panel panel, double[] atLevel) {
    FeatureSpec base = LevelFeatures.featureSpec(spec.freq(), 1);
    int prev = 0;
    for (int g = 0; g < spec.directGroups().size(); g++) {
      int end = spec.directGroups().get(g);
      long f0 = System.nanoTime();
      FeatureMatrix fm = features(panel, base.forHorizon(end));
      LevelFeatures.Columns cols = LevelFeatures.withKeyColumns(panel, fm);
      featureSeconds += (System.nanoTime() - f0) / 1e9;
      GbmModel model = model(g, panel, fm, cols);
      models.add(model);
      if (predict) {
        predictSteps(panel, cols, model, prev, end, atLevel);
      }
      prev = end;
    }
  }

  /** Direct forecasts of steps {@code (from, to]} into {@code atLevel}, clipped at 0. */
  private void predictSteps(
      Panel panel, LevelFeatures.Columns cols, GbmModel model, int from, int to, double[] atLevel) {
    int observed = panel.observedPeriods();
    int[] predRows = LevelFeatures.futureRows(panel, observed, from, to);
    double[] pred = model.predict(cols.columns(), predRows);
    for (int i = 0; i < predRows.length; i++) {
      int s = panel.seriesOfRow(predRows[i]);
      int k = panel.periodOfRow(s, predRows[i]) - observed;
      atLevel[s * hp + k] = Math.max(0, pred[i]);
    }
  }

  /** Group {@code g}'s trained model, or a model trained now on the panel's rows. */
  private GbmModel model(int g, Panel panel, FeatureMatrix fm, LevelFeatures.Columns cols) {
    if (trained != null) {
      return trained.get(g);
    }
    if (firstSaleRow == null) {
      firstSaleRow = LevelFeatures.firstSaleRows(panel);
    }
    int[][] rows =
        LevelFeatures.trainValidRows(
            panel,
            fm.target(),
            firstSaleRow,
            panel.observedPeriods(),
            trainPeriods(),
            validPeriods());
    long m0 = System.nanoTime();
    GbmModel model =
        new GbmTrainer(spec.gbm().withCategorical(cols.categorical()))
            .fit(cols.columns(), cols.names(), fm.target(), rows[0], rows[1], progress);
    fitSeconds += (System.nanoTime() - m0) / 1e9;
    return model;
  }

  private FeatureMatrix features(Panel panel, FeatureSpec fs) {
    try {
      return FeatureEngine.of(
              panel, history.dimensions(), history.sales(), history.pricesFile(), fs)
          .build(Progress.silent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The baseline called {@code name}, with the season and window of {@code freq}. */
  static SeriesForecaster baseline(String name, Freq freq) {
    boolean day = freq == Freq.DAY;
    return SeriesForecaster.named(
        name, day ? SeasonalNaive.DAILY : SeasonalNaive.WEEKLY, day ? 28 : 4);
  }
}
