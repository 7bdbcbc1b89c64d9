package dev.vitrina.forecast.marketplace;

import dev.vitrina.demand.data.Dimensions;
import dev.vitrina.demand.features.FeatureMatrix;
import dev.vitrina.demand.features.FeatureSpec;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.demand.panel.Panel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The LightGBM model's features and rows at a forecast level: the feature spec per direct group,
 * the level's key columns, and the training, validation and forecast rows of a panel.
 */
public final class LevelFeatures {

  private LevelFeatures() {}

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
}
