package dev.vitrina.forecast.backtest;

import dev.vitrina.core.check.Checks;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.demand.data.Dimensions;
import dev.vitrina.demand.features.FeatureEngine;
import dev.vitrina.demand.features.FeatureMatrix;
import dev.vitrina.demand.features.FeatureSpec;
import dev.vitrina.demand.features.SeriesKernel;
import dev.vitrina.demand.marketplace.Marketplace;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.demand.panel.Panel;
import dev.vitrina.demand.panel.PanelBuilder;
import dev.vitrina.demand.panel.PanelOptions;
import dev.vitrina.demand.sales.SalesReadOptions;
import dev.vitrina.demand.sales.SalesTable;
import dev.vitrina.forecast.baseline.SeasonalNaive;
import dev.vitrina.forecast.baseline.SeriesForecaster;
import dev.vitrina.forecast.disagg.DayOfWeekProfile;
import dev.vitrina.forecast.disagg.Disaggregator;
import dev.vitrina.forecast.disagg.Shares;
import dev.vitrina.forecast.gbm.GbmModel;
import dev.vitrina.forecast.gbm.GbmTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Forecasts a marketplace's store x item x day demand from an origin: builds the panel of the
 * chosen level and frequency from the sales before the origin only ({@link PanelOptions#end()} is
 * the day before it), trains a global LightGBM model on the feature engine's matrix (or runs a
 * baseline per series), and disaggregates the level's forecasts to store x item x day ({@link
 * Shares} for coarser levels, {@link DayOfWeekProfile} for weeks).
 *
 * <p>The bottom panel (store x item plus the store and item attributes, daily, every day in the
 * data) is built once; it supplies the shares' and profiles' history and, in a backtest, the
 * actuals. Bottom series that do not exist in the level's panel at the origin (products first sold
 * after it) are forecast 0.
 */
public final class MarketplaceForecaster {

  /** The finest level: store x item. */
  public static final List<String> BOTTOM = List.of("store", "item");

  private final SalesTable sales;
  private final Dimensions dims;
  private final Path pricesFile;
  private final Panel bottom;
  private final int day0;

  /** Wraps already loaded data. */
  public MarketplaceForecaster(SalesTable sales, Dimensions dims, Path pricesFile) {
    this.sales = sales;
    this.dims = dims;
    this.pricesFile = pricesFile;
    List<String> cols = new ArrayList<>(BOTTOM);
    cols.addAll(dims.storeAttributes().keySet());
    cols.addAll(dims.itemAttributes().keySet());
    this.bottom = PanelBuilder.build(sales, dims, PanelOptions.of(new Level(cols), Freq.DAY));
    this.day0 = bottom.periodStartDay(0);
  }

  /** Loads a data directory written by {@code ./vitrina generate}. */
  public static MarketplaceForecaster load(Path dataDir) throws IOException {
    Marketplace m = Marketplace.load(dataDir);
    return new MarketplaceForecaster(
        m.readSales(SalesReadOptions.DEFAULT), m.dimensions(), m.pricesFile());
  }

  /** The bottom panel (store x item with attributes, daily, all data). */
  public Panel bottom() {
    return bottom;
  }

  public SalesTable sales() {
    return sales;
  }

  /** The first day of the data. */
  public int firstDay() {
    return day0;
  }

  /** The last day of the data (epoch day). */
  public int lastDay() {
    return bottom.periodStartDay(bottom.observedPeriods() - 1);
  }

  /**
   * Backtest origins (epoch days), oldest first: the last fold's horizon ends at the last day of
   * data; origins are {@code stepDays} apart and moved back to a Monday, so daily and weekly models
   * are evaluated on the same days.
   */
  public int[] origins(int folds, int horizonDays, int stepDays) {
    int[] o = new int[folds];
    for (int f = 0; f < folds; f++) {
      int d = lastDay() - horizonDays + 1 - (folds - 1 - f) * stepDays;
      o[f] = Freq.WEEK.periodStart(d);
    }
    Checks.require(
        o[0] - day0 >= 56,
        "the first origin "
            + LocalDate.ofEpochDay(o[0])
            + " leaves less than 56 days of history; use fewer --folds or a smaller --step");
    return o;
  }

  /** A forecast and what it cost. */
  public record Result(
      double[] bottom,
      Panel levelPanel,
      double[] atLevel,
      double featureSeconds,
      double fitSeconds,
      double predictSeconds,
      List<GbmModel> models,
      int bottomWithoutParent) {}

  /**
   * Forecasts {@code spec.horizonDays()} days from {@code originDay} for every bottom series.
   *
   * @param trained models to reuse (one per direct group, from an earlier fit with the same spec),
   *     or null to train
   */
  public Result forecast(int originDay, MarketplaceSpec spec, List<GbmModel> trained, Progress p) {
    int hp = spec.horizonPeriods();
    Freq freq = spec.freq();
    Checks.require(
        originDay <= lastDay() + 1,
        "the origin "
            + LocalDate.ofEpochDay(originDay)
            + " is after the day following the data's last day "
            + LocalDate.ofEpochDay(lastDay())
            + "; forecast from at most "
            + LocalDate.ofEpochDay(lastDay() + 1));
    Checks.require(
        originDay - day0 >= 28,
        "the origin "
            + LocalDate.ofEpochDay(originDay)
            + " leaves less than 28 days of history (data start "
            + LocalDate.ofEpochDay(day0)
            + "); choose a later --origin");
    Checks.require(
        trained == null || trained.size() == spec.directGroups().size(),
        "the trained model has "
            + (trained == null ? 0 : trained.size())
            + " boosters but the spec needs "
            + spec.directGroups().size());
    Checks.require(
        freq == Freq.DAY || Freq.WEEK.periodStart(originDay) == originDay,
        "a weekly forecast must start on a Monday, got " + LocalDate.ofEpochDay(originDay));
    long t0 = System.nanoTime();
    double featureSecs = 0;
    double fitSecs = 0;
    double predictSecs;
    Panel panel;
    double[] atLevel;
    List<GbmModel> models = new ArrayList<>();
    Level level = augmented(spec.level());
    if (spec.model().equals("lgbm")) {
      int periodDays = freq.days();
      int validP = Math.max(1, spec.validDays() / periodDays);
      int trainP = Math.max(1, spec.trainDays() / periodDays);
      FeatureSpec base = featureSpec(freq, 1);
      int warmP =
          warmup(
              freq, spec.recursive() ? 1 : spec.directGroups().get(spec.directGroups().size() - 1));
      int startDay = originDay - (trainP + validP + warmP) * periodDays;
      PanelOptions opt =
          new PanelOptions(
              level,
              freq,
              LocalDate.ofEpochDay(Math.max(startDay, day0)),
              LocalDate.ofEpochDay(originDay - 1),
              hp);
      panel = PanelBuilder.build(sales, dims, opt);
      atLevel = new double[panel.seriesCount() * hp];
      int observed = panel.observedPeriods();
      int[] firstSaleRow = firstSaleRows(panel);
      if (spec.recursive()) {
        long f0 = System.nanoTime();
        FeatureMatrix fm = features(panel, base);
        Columns cols = withKeyColumns(panel, fm);
        featureSecs += (System.nanoTime() - f0) / 1e9;
        GbmModel model;
        if (trained != null) {
          model = trained.get(0);
        } else {
          int[][] rows = trainValidRows(panel, fm.target(), firstSaleRow, observed, trainP, validP);
          long m0 = System.nanoTime();
          model =
              new GbmTrainer(spec.gbm().withCategorical(cols.categorical))
                  .fit(cols.columns, cols.names, fm.target(), rows[0], rows[1], p);
          fitSecs += (System.nanoTime() - m0) / 1e9;
        }
        models.add(model);
        recursive(panel, base, cols.columns, model, observed, hp, atLevel);
      } else {
        int prev = 0;
        for (int g = 0; g < spec.directGroups().size(); g++) {
          int end = spec.directGroups().get(g);
          long f0 = System.nanoTime();
          FeatureMatrix fm = features(panel, base.forHorizon(end));
          Columns cols = withKeyColumns(panel, fm);
          featureSecs += (System.nanoTime() - f0) / 1e9;
          GbmModel model;
          if (trained != null) {
            model = trained.get(g);
          } else {
            int[][] rows =
                trainValidRows(panel, fm.target(), firstSaleRow, observed, trainP, validP);
            long m0 = System.nanoTime();
            model =
                new GbmTrainer(spec.gbm().withCategorical(cols.categorical))
                    .fit(cols.columns, cols.names, fm.target(), rows[0], rows[1], p);
            fitSecs += (System.nanoTime() - m0) / 1e9;
          }
          models.add(model);
          int[] predRows = futureRows(panel, observed, prev, end);
          double[] pred = model.predict(cols.columns, predRows);
          for (int i = 0; i < predRows.length; i++) {
            int s = panel.seriesOfRow(predRows[i]);
            int k = panel.periodOfRow(s, predRows[i]) - observed;
            atLevel[s * hp + k] = Math.max(0, pred[i]);
          }
          prev = end;
        }
      }
    } else {
      long f0 = System.nanoTime();
      panel =
          PanelBuilder.build(
              sales,
              dims,
              new PanelOptions(level, freq, null, LocalDate.ofEpochDay(originDay - 1), 0));
      featureSecs = (System.nanoTime() - f0) / 1e9;
      long m0 = System.nanoTime();
      atLevel = baseline(spec.model(), freq).forecastAll(panel.values(), panel.offsets(), hp);
      fitSecs = (System.nanoTime() - m0) / 1e9;
    }
    long d0 = System.nanoTime();
    int[] missing = new int[1];
    double[] bottomDaily = toBottomDaily(panel, atLevel, originDay, spec, missing);
    predictSecs = (System.nanoTime() - d0) / 1e9;
    p.message("forecast done in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    return new Result(
        bottomDaily, panel, atLevel, featureSecs, fitSecs, predictSecs, models, missing[0]);
  }

  private FeatureMatrix features(Panel panel, FeatureSpec fs) {
    try {
      return FeatureEngine.of(panel, dims, sales, pricesFile, fs).build(Progress.silent());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The recursive strategy: predicts step 1 of every series with the one-step model, writes the
   * forecasts into a copy of the panel's values as if they had been observed, recomputes the
   * per-series features ({@link SeriesKernel}) of the next step's row from those values, and so on
   * up to {@code hp}. Calendar and price features are known in advance and stay as built. Only the
   * last {@link #lookback} periods before a row are recomputed, so a step costs O(series x lookback
   * x features).
   *
   * @param columns the feature columns of the panel's rows (series features first); the future
   *     rows' series features are overwritten
   */
  static void recursive(
      Panel panel,
      FeatureSpec fs,
      float[][] columns,
      GbmModel model,
      int observed,
      int hp,
      double[] atLevel) {
    float[] vals = panel.values().clone();
    int seriesCols = FeatureEngine.seriesOnly(panel, fs).names().size();
    int back = fs.lookback();
    int n = panel.seriesCount();
    int[] off = panel.offsets();
    float[][] tmp = new float[seriesCols][back + 1];
    for (int step = 1; step <= hp; step++) {
      int[] rows = futureRows(panel, observed, step - 1, step);
      double[] pred = model.predict(columns, rows);
      for (int s = 0; s < n; s++) {
        double y = Math.max(0, pred[s]);
        atLevel[s * hp + step - 1] = y;
        vals[rows[s]] = (float) y;
      }
      if (step < hp) {
        for (int s = 0; s < n; s++) {
          recomputeRow(vals, off[s], rows[s] + 1, fs, back, tmp, columns, seriesCols);
        }
      }
    }
  }

  /**
   * Recomputes the per-series features of {@code row} from {@code vals}, looking at most {@code
   * back} periods behind it (not before {@code seriesStart}, the series' first row), into {@code
   * columns[0 .. seriesCols)}; {@code tmp} is scratch of {@code seriesCols x (back + 1)}.
   */
  static void recomputeRow(
      float[] vals,
      int seriesStart,
      int row,
      FeatureSpec fs,
      int back,
      float[][] tmp,
      float[][] columns,
      int seriesCols) {
    int from = Math.max(seriesStart, row - back);
    int len = row - from + 1;
    SeriesKernel.compute(vals, from, len, fs, tmp, 0);
    for (int j = 0; j < seriesCols; j++) {
      columns[j][row] = tmp[j][len - 1];
    }
  }

  /**
   * The level plus the attributes it determines (item attributes with item, store's with store).
   */
  static Level augmentedLevel(Level level, Dimensions dims) {
    LinkedHashSet<String> cols = new LinkedHashSet<>(level.columns());
    if (cols.contains("item")) {
      cols.addAll(dims.itemAttributes().keySet());
    }
    if (cols.contains("store")) {
      cols.addAll(dims.storeAttributes().keySet());
    }
    return new Level(new ArrayList<>(cols));
  }

  private Level augmented(Level level) {
    return augmentedLevel(level, dims);
  }

  /** The feature spec of a direct model whose features start {@code minLag} periods back. */
  public static FeatureSpec featureSpec(Freq freq, int minLag) {
    if (freq == Freq.DAY) {
      int[] lags = new int[70];
      for (int i = 0; i < lags.length; i++) {
        lags[i] = i + 1;
      }
      // lags minLag..minLag+6 and the same weekday 1..4 weeks further back
      int[] keep =
          Arrays.stream(lags)
              .filter(
                  k -> k >= minLag && (k < minLag + 7 || (k - minLag) % 7 == 0) && k <= minLag + 28)
              .toArray();
      return new FeatureSpec(keep, true, new int[] {7, 14, 28, 56}, true, true, minLag);
    }
    int[] keep =
        Arrays.stream(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 13, 26, 52})
            .map(k -> k + minLag - 1)
            .toArray();
    return new FeatureSpec(keep, false, new int[] {4, 8, 13, 26}, true, true, minLag);
  }

  /** Periods of history a row needs before all its features are defined. */
  static int warmup(Freq freq, int minLag) {
    return featureSpec(freq, minLag).lookback();
  }

  /** The baseline called {@code name}, with the season and window of {@code freq}. */
  public static SeriesForecaster baseline(String name, Freq freq) {
    boolean day = freq == Freq.DAY;
    if (!MarketplaceSpec.MODELS.contains(name)) {
      throw new IllegalArgumentException(
          "unknown baseline '" + name + "'; use one of " + MarketplaceSpec.MODELS);
    }
    return SeriesForecaster.named(
        name, day ? SeasonalNaive.DAILY : SeasonalNaive.WEEKLY, day ? 28 : 4);
  }

  /** Feature columns plus the level's key codes (categorical, except item). */
  record Columns(float[][] columns, String[] names, List<String> categorical) {}

  static Columns withKeyColumns(Panel panel, FeatureMatrix fm) {
    List<String> keys = panel.keyColumns();
    int base = fm.columnCount();
    float[][] cols = Arrays.copyOf(fm.columns(), base + keys.size());
    String[] names = Arrays.copyOf(fm.names().toArray(String[]::new), base + keys.size());
    List<String> cat = new ArrayList<>();
    int[] off = panel.offsets();
    for (int c = 0; c < keys.size(); c++) {
      float[] col = new float[panel.rows()];
      int[] codes = panel.keyCodes(c);
      for (int s = 0; s < panel.seriesCount(); s++) {
        Arrays.fill(col, off[s], off[s + 1], codes[s]);
      }
      cols[base + c] = col;
      names[base + c] = "key_" + keys.get(c);
      if (!keys.get(c).equals("item")) {
        cat.add(names[base + c]);
      }
    }
    return new Columns(cols, names, cat);
  }

  /** Per series, the first row with a sale (rows before a product's launch are not trained on). */
  static int[] firstSaleRows(Panel panel) {
    int n = panel.seriesCount();
    int[] off = panel.offsets();
    float[] v = panel.values();
    int[] first = new int[n];
    for (int s = 0; s < n; s++) {
      int r = off[s];
      while (r < off[s + 1] && !(v[r] > 0)) {
        r++;
      }
      first[s] = r;
    }
    return first;
  }

  /**
   * Training rows (periods {@code [observed - validP - trainP, observed - validP)}) and validation
   * rows (the last {@code validP} observed periods), after each series' first sale.
   */
  static int[][] trainValidRows(
      Panel panel, float[] target, int[] firstSaleRow, int observed, int trainP, int validP) {
    int validFrom = observed - validP;
    int trainFrom = Math.max(0, validFrom - trainP);
    int[] train = new int[panel.rows()];
    int[] valid = new int[panel.rows()];
    int nt = 0;
    int nv = 0;
    int[] off = panel.offsets();
    for (int s = 0; s < panel.seriesCount(); s++) {
      for (int r = Math.max(off[s], firstSaleRow[s]); r < off[s + 1]; r++) {
        int per = panel.periodOfRow(s, r);
        if (per >= observed || !Float.isFinite(target[r])) {
          continue;
        }
        if (per >= validFrom) {
          valid[nv++] = r;
        } else if (per >= trainFrom) {
          train[nt++] = r;
        }
      }
    }
    return new int[][] {Arrays.copyOf(train, nt), Arrays.copyOf(valid, nv)};
  }

  /** Rows of forecast steps {@code (from, to]} (1-based, periods after the origin). */
  static int[] futureRows(Panel panel, int observed, int from, int to) {
    int n = panel.seriesCount();
    int[] rows = new int[n * (to - from)];
    int k = 0;
    for (int s = 0; s < n; s++) {
      for (int step = from + 1; step <= to; step++) {
        int per = observed + step - 1;
        rows[k++] = panel.offsets()[s] + (per - panel.firstPeriod(s));
      }
    }
    return rows;
  }

  /** Key of a series in the columns of {@code level}. */
  private static String key(Panel panel, int s, List<String> level) {
    StringBuilder b = new StringBuilder();
    for (String c : level) {
      b.append(panel.key(s, c)).append('\u0001');
    }
    return b.toString();
  }

  /**
   * The bottom series' daily values in {@code [fromDay, toDay)}, dense, NaN before a series' first
   * sale.
   */
  public float[] bottomWindow(int fromDay, int toDay) {
    int n = bottom.seriesCount();
    int w = toDay - fromDay;
    float[] out = new float[n * w];
    for (int s = 0; s < n; s++) {
      int first = bottom.firstPeriod(s);
      int len = bottom.offsets()[s + 1] - bottom.offsets()[s];
      for (int t = 0; t < w; t++) {
        int per = fromDay + t - day0;
        int r = per - first;
        out[s * w + t] =
            r < 0 || per < 0 ? Float.NaN : r >= len ? 0 : bottom.values()[bottom.offsets()[s] + r];
      }
    }
    return out;
  }

  private double[] toBottomDaily(
      Panel panel, double[] atLevel, int originDay, MarketplaceSpec spec, int[] missing) {
    int hp = spec.horizonPeriods();
    int nb = bottom.seriesCount();
    List<String> lvl = spec.level().columns();
    Map<String, Integer> parentIndex = new HashMap<>();
    for (int s = 0; s < panel.seriesCount(); s++) {
      parentIndex.put(key(panel, s, lvl), s);
    }
    // children: the bottom series whose parent exists in the level's panel
    int[] parentOfBottom = new int[nb];
    int children = 0;
    for (int s = 0; s < nb; s++) {
      Integer p = parentIndex.get(key(bottom, s, lvl));
      parentOfBottom[s] = p == null ? -1 : p;
      if (p != null) {
        children++;
      }
    }
    missing[0] = nb - children;
    int[] childIdx = new int[children];
    int[] parentOf = new int[children];
    for (int s = 0, c = 0; s < nb; s++) {
      if (parentOfBottom[s] >= 0) {
        childIdx[c] = s;
        parentOf[c++] = parentOfBottom[s];
      }
    }
    // 1. level -> bottom (same frequency) by shares
    double[] childF;
    boolean bottomLevel = new LinkedHashSet<>(lvl).equals(new LinkedHashSet<>(BOTTOM));
    if (bottomLevel) {
      childF = new double[children * hp];
      for (int c = 0; c < children; c++) {
        System.arraycopy(atLevel, parentOf[c] * hp, childF, c * hp, hp);
      }
    } else {
      float[] win = bottomWindow(originDay - spec.shareWindowDays(), originDay);
      float[] childWin = select(win, spec.shareWindowDays(), childIdx);
      double[] shares =
          Shares.compute(
              childWin, spec.shareWindowDays(), parentOf, panel.seriesCount(), spec.shares());
      childF = Disaggregator.disaggregate(atLevel, hp, parentOf, shares);
    }
    // 2. weeks -> days by each bottom series' day-of-week profile
    int h = spec.horizonDays();
    double[] daily = childF;
    if (spec.freq() == Freq.WEEK) {
      int pw = spec.profileWindowDays();
      float[] win = select(bottomWindow(originDay - pw, originDay), pw, childIdx);
      // the window starts pw days (a multiple of 7) before a Monday: on a Monday, phase 0
      double[] prof = DayOfWeekProfile.profiles(win, pw, 0);
      daily = DayOfWeekProfile.weeklyToDaily(childF, hp, prof);
    }
    double[] out = new double[nb * h];
    for (int c = 0; c < children; c++) {
      System.arraycopy(daily, c * h, out, childIdx[c] * h, h);
    }
    return out;
  }

  private static float[] select(float[] dense, int w, int[] rows) {
    float[] out = new float[rows.length * w];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(dense, rows[i] * w, out, i * w, w);
    }
    return out;
  }
}
