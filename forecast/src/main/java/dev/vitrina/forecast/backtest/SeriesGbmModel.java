package dev.vitrina.forecast.backtest;

import dev.vitrina.core.check.Checks;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.forecast.baseline.Croston;
import dev.vitrina.forecast.gbm.GbmConfig;
import dev.vitrina.forecast.gbm.GbmModel;
import dev.vitrina.forecast.gbm.GbmTrainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A global LightGBM model over many short series ({@link FlatSeries}, e.g. monthly spare-part
 * demand), direct multi-horizon: one pooled model whose rows are (series, origin, step {@code k})
 * with features computed only from the values before the origin, plus {@code k} and the target's
 * season position. Training uses every past pseudo-origin whose target is known; the last {@code
 * horizon} known periods are the early-stopping window, then the model is refit on all rows with
 * the best round count.
 *
 * <p>Features (all as of the origin): {@code lag_1..lag_L} (the last L values), {@code
 * mean_3,6,12}, {@code mean_all}, {@code nonzero_12} (fraction of non-zero periods), {@code
 * since_sale} (periods since the last sale), {@code size_mean} (mean non-zero size), {@code
 * croston} (Croston's rate, alpha 0.1), {@code length}, {@code step}, {@code season_pos} (target
 * period mod season).
 *
 * @param config LightGBM parameters
 * @param lags the number of lag features L
 * @param season the season length for {@code season_pos} (12 for monthly data)
 * @param minHistory pseudo-origins with fewer known values are not used for training
 */
public record SeriesGbmModel(GbmConfig config, int lags, int season, int minHistory)
    implements SeriesModel {

  public SeriesGbmModel {
    Checks.atLeast("lags", lags, 1);
    Checks.atLeast("season", season, 1);
    Checks.atLeast("minHistory", minHistory, 1);
  }

  @Override
  public String name() {
    return "lgbm_" + config.objective().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The feature names, in column order. */
  public String[] featureNames() {
    List<String> n = new ArrayList<>();
    for (int j = 1; j <= lags; j++) {
      n.add("lag_" + j);
    }
    n.addAll(
        List.of(
            "mean_3",
            "mean_6",
            "mean_12",
            "mean_all",
            "nonzero_12",
            "since_sale",
            "size_mean",
            "croston",
            "length",
            "step",
            "season_pos"));
    return n.toArray(String[]::new);
  }

  @Override
  public double[] forecast(FlatSeries history, int origin, int horizon, Progress progress) {
    int n = history.size();
    String[] names = featureNames();
    // training rows: every series, pseudo-origin o (known values before o), step k, target o+k-1
    Rows train = new Rows(names.length);
    Rows valid = new Rows(names.length);
    for (int s = 0; s < n; s++) {
      int first = history.firstPeriod()[s];
      int len = history.length(s);
      int base = history.offsets()[s];
      for (int known = minHistory; known < len; known++) {
        for (int k = 1; k <= horizon && known + k - 1 < len; k++) {
          int targetPeriod = first + known + k - 1;
          Rows dst = targetPeriod >= origin - horizon ? valid : train;
          dst.add(
              history.values(),
              base,
              known,
              k,
              first + known,
              history.values()[base + known + k - 1]);
        }
      }
    }
    Checks.require(
        train.size() > 0,
        "no training rows: histories are shorter than minHistory + 1 = "
            + (minHistory + 1)
            + "; use an earlier origin or a smaller minHistory");
    GbmModel model;
    float[][] tc = train.columns();
    float[] tl = train.labels();
    float[][] vc = valid.columns();
    int trainN = train.size();
    int validN = valid.size();
    // early stopping: fit on train, validate on the last horizon periods
    GbmConfig cfg = config;
    int rounds = cfg.maxRounds();
    if (validN > 0 && cfg.earlyStoppingRounds() > 0) {
      float[][] all = concat(tc, trainN, vc, validN);
      float[] labels = new float[trainN + validN];
      System.arraycopy(tl, 0, labels, 0, trainN);
      System.arraycopy(valid.labels(), 0, labels, trainN, validN);
      int[] tr = range(0, trainN);
      int[] va = range(trainN, trainN + validN);
      try (GbmModel probe = new GbmTrainer(cfg).fit(all, names, labels, tr, va, progress)) {
        rounds = Math.max(1, probe.bestRound());
      }
      // refit on everything with the chosen number of rounds
      model =
          new GbmTrainer(cfg.withRounds(rounds, cfg.learningRate()).withEarlyStopping(0))
              .fit(all, names, labels, range(0, trainN + validN), null, progress);
    } else {
      model = new GbmTrainer(cfg).fit(tc, names, tl, range(0, trainN), null, progress);
    }
    try (model) {
      Rows pred = new Rows(names.length);
      for (int s = 0; s < n; s++) {
        int len = history.length(s);
        for (int k = 1; k <= horizon; k++) {
          pred.add(
              history.values(), history.offsets()[s], len, k, history.firstPeriod()[s] + len, 0f);
        }
      }
      double[] p = model.predict(pred.columns(), range(0, pred.size()));
      for (int i = 0; i < p.length; i++) {
        p[i] = Math.max(0, p[i]);
      }
      return p;
    }
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }

  private static float[][] concat(float[][] a, int na, float[][] b, int nb) {
    float[][] out = new float[a.length][];
    for (int j = 0; j < a.length; j++) {
      out[j] = Arrays.copyOf(a[j], na + nb);
      System.arraycopy(b[j], 0, out[j], na, nb);
    }
    return out;
  }

  /** Growable column-major feature rows. */
  private final class Rows {
    private float[][] cols;
    private float[] label = new float[1024];
    private int size;

    Rows(int width) {
      cols = new float[width][1024];
    }

    int size() {
      return size;
    }

    /**
     * Adds the row for a series whose known values are {@code v[base .. base+known)}, forecasting
     * step {@code k} from origin period {@code originPeriod}.
     */
    void add(float[] v, int base, int known, int k, int originPeriod, float y) {
      if (size == label.length) {
        label = Arrays.copyOf(label, size * 2);
        for (int j = 0; j < cols.length; j++) {
          cols[j] = Arrays.copyOf(cols[j], size * 2);
        }
      }
      int j = 0;
      int end = base + known;
      for (int l = 1; l <= lags; l++) {
        cols[j++][size] = known - l >= 0 ? v[end - l] : Float.NaN;
      }
      cols[j++][size] = mean(v, end, Math.min(3, known));
      cols[j++][size] = mean(v, end, Math.min(6, known));
      cols[j++][size] = mean(v, end, Math.min(12, known));
      cols[j++][size] = mean(v, end, known);
      int w = Math.min(12, known);
      int nz = 0;
      for (int i = end - w; i < end; i++) {
        if (v[i] > 0) {
          nz++;
        }
      }
      cols[j++][size] = w == 0 ? Float.NaN : nz / (float) w;
      int since = -1;
      double sizeSum = 0;
      int sizeCount = 0;
      for (int i = end - 1; i >= base; i--) {
        if (v[i] > 0) {
          if (since < 0) {
            since = end - i;
          }
          sizeSum += v[i];
          sizeCount++;
        }
      }
      cols[j++][size] = since < 0 ? Float.NaN : since;
      cols[j++][size] = sizeCount == 0 ? Float.NaN : (float) (sizeSum / sizeCount);
      double[] c = new double[1];
      new Croston().forecast(v, base, known, 1, c, 0);
      cols[j++][size] = (float) c[0];
      cols[j++][size] = known;
      cols[j++][size] = k;
      cols[j++][size] = Math.floorMod(originPeriod + k - 1, season);
      label[size] = y;
      size++;
    }

    private float mean(float[] v, int end, int w) {
      if (w == 0) {
        return Float.NaN;
      }
      double s = 0;
      for (int i = end - w; i < end; i++) {
        s += v[i];
      }
      return (float) (s / w);
    }

    float[][] columns() {
      float[][] out = new float[cols.length][];
      for (int j = 0; j < cols.length; j++) {
        out[j] = Arrays.copyOf(cols[j], size);
      }
      return out;
    }

    float[] labels() {
      return Arrays.copyOf(label, size);
    }
  }
}
