package dev.vitrina.forecast.marketplace;

import dev.vitrina.demand.features.FeatureEngine;
import dev.vitrina.demand.features.FeatureSpec;
import dev.vitrina.demand.features.SeriesKernel;
import dev.vitrina.demand.panel.Panel;
import dev.vitrina.forecast.gbm.GbmModel;

/**
 * The recursive strategy: predicts step 1 of every series with the one-step model, writes the
 * forecasts into a copy of the panel's values as if they had been observed, recomputes the
 * per-series features ({@link SeriesKernel}) of the next step's row from those values, and so on up
 * to the horizon. Calendar and price features are known in advance and stay as built. Only the last
 * {@link FeatureSpec#lookback()} periods before a row are recomputed, so a step costs O(series x
 * lookback x features).
 */
final class RecursiveStrategy {

  private RecursiveStrategy() {}

  /**
   * Forecasts {@code hp} steps into {@code atLevel} ({@code series x hp}, series-major).
   *
   * @param columns the feature columns of the panel's rows (series features first); the future
   *     rows' series features are overwritten
   */
  static void forecast(
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
      int[] rows = LevelFeatures.futureRows(panel, observed, step - 1, step);
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
}
