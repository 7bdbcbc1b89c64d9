package dev.vitrina.forecast.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.demand.marketplace.Marketplace;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.demand.panel.Panel;
import dev.vitrina.demand.sales.SalesReadOptions;
import dev.vitrina.demand.sales.SalesTable;
import dev.vitrina.forecast.backtest.MarketplaceBacktest;
import dev.vitrina.forecast.gbm.GbmConfig;
import dev.vitrina.synth.MarketplaceGenerator;
import dev.vitrina.synth.Preset;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training and forecasting end to end on the {@code tiny} preset (3 stores, 60 items, 180 days).
 */
class MarketplaceForecastTest {

  @TempDir static Path dir;
  static MarketplaceHistory fc;
  static Marketplace market;

  static final GbmConfig FAST =
      GbmConfig.defaults()
          .withRounds(40, 0.2)
          .withTrees(15, 20)
          .withEarlyStopping(5)
          .withThreads(1);

  @BeforeAll
  static void generate() throws Exception {
    new MarketplaceGenerator(Preset.TINY, 1).generate(dir, Progress.silent());
    market = Marketplace.load(dir);
    fc = MarketplaceHistory.load(dir);
  }

  /**
   * Fits {@code sp} at {@code o} and returns the forecast of the fitting pass; closes the model.
   */
  static MarketplaceForecast fit(MarketplaceHistory h, int o, MarketplaceSpec sp) {
    try (MarketplaceTrainer.Fitted f =
        new MarketplaceTrainer(sp).fitAndForecast(h, o, Progress.silent())) {
      return f.forecast();
    }
  }

  static MarketplaceSpec spec(String level, Freq freq, String model) {
    return MarketplaceSpec.of(Level.parse(level), freq, 14, model)
        .withGbm(FAST)
        .withWindows(70, 14);
  }

  @Test
  void coarserLevelDisaggregatesAndSumsBack() {
    int o = MarketplaceBacktest.origins(fc, 1, 14, 14)[0];
    for (String model : List.of("lgbm", "tsb")) {
      MarketplaceForecast r = fit(fc, o, spec("item,state", Freq.DAY, model));
      Panel lp = r.levelPanel();
      Panel b = fc.bottom();
      Map<String, Integer> idx = new HashMap<>();
      for (int s = 0; s < lp.seriesCount(); s++) {
        idx.put(lp.key(s, "item") + "|" + lp.key(s, "state"), s);
      }
      double[] sum = new double[r.atLevel().length];
      for (int s = 0; s < b.seriesCount(); s++) {
        Integer p = idx.get(b.key(s, "item") + "|" + b.key(s, "state"));
        if (p != null) {
          for (int k = 0; k < 14; k++) {
            sum[p * 14 + k] += r.bottom()[s * 14 + k];
          }
        }
      }
      for (int i = 0; i < sum.length; i++) {
        assertThat(sum[i]).as(model).isCloseTo(r.atLevel()[i], within(1e-9));
      }
    }
  }

  @Test
  void weeklyForecastsSplitIntoDaysThatSumToTheWeek() {
    int o = MarketplaceBacktest.origins(fc, 1, 14, 14)[0];
    MarketplaceForecast r = fit(fc, o, spec("store,item", Freq.WEEK, "lgbm"));
    assertThat(r.atLevel().length).isEqualTo(r.levelPanel().seriesCount() * 2);
    Panel lp = r.levelPanel();
    Panel b = fc.bottom();
    Map<String, Integer> idx = new HashMap<>();
    for (int s = 0; s < b.seriesCount(); s++) {
      idx.put(b.key(s, "store") + "|" + b.key(s, "item"), s);
    }
    for (int s = 0; s < lp.seriesCount(); s++) {
      int bs = idx.get(lp.key(s, "store") + "|" + lp.key(s, "item"));
      for (int w = 0; w < 2; w++) {
        double days = 0;
        for (int d = 0; d < 7; d++) {
          days += r.bottom()[bs * 14 + w * 7 + d];
        }
        assertThat(days).isCloseTo(r.atLevel()[s * 2 + w], within(1e-9));
      }
    }
  }

  /**
   * No leakage: multiplying every sale on or after the origin by 10 changes nothing in the forecast
   * from that origin, for the global model (features from the feature engine) and a baseline.
   */
  @Test
  void forecastsUseOnlyDataBeforeTheOrigin() throws Exception {
    SalesTable s = market.readSales(SalesReadOptions.DEFAULT);
    int o = MarketplaceBacktest.origins(fc, 1, 14, 14)[0];
    float[] future = s.qty().clone();
    for (int i = 0; i < future.length; i++) {
      if (s.day()[i] >= o) {
        future[i] *= 10;
      }
    }
    SalesTable a = SalesTable.of(s.store(), s.item(), s.day(), s.qty(), s.stores(), s.items());
    SalesTable b = SalesTable.of(s.store(), s.item(), s.day(), future, s.stores(), s.items());
    MarketplaceHistory fa = new MarketplaceHistory(a, market.dimensions(), null);
    MarketplaceHistory fb = new MarketplaceHistory(b, market.dimensions(), null);
    List<MarketplaceSpec> specs =
        List.of(
            spec("item,state", Freq.DAY, "lgbm"),
            spec("item,state", Freq.DAY, "lgbm").withRecursive(true),
            spec("item,state", Freq.DAY, "croston"));
    for (MarketplaceSpec sp : specs) {
      String model = sp.model() + (sp.recursive() ? " recursive" : "");
      MarketplaceForecast ra = fit(fa, o, sp);
      MarketplaceForecast rb = fit(fb, o, sp);
      assertThat(ra.bottom()).as(model).containsExactly(rb.bottom());
    }
    // ...while the data after the origin really differs
    assertThat(fa.bottomWindow(o, o + 14)).isNotEqualTo(fb.bottomWindow(o, o + 14));
  }

  /**
   * The recursive strategy's first step is a one-step model: the same features and rows as a direct
   * model for horizon 1, so its step-1 forecasts equal that model's exactly; later steps differ.
   */
  @Test
  void recursiveFirstStepEqualsTheOneStepDirectModel() {
    int o = MarketplaceBacktest.origins(fc, 1, 14, 14)[0];
    MarketplaceSpec rec = spec("store,item", Freq.DAY, "lgbm").withRecursive(true);
    MarketplaceSpec one =
        MarketplaceSpec.of(Level.parse("store,item"), Freq.DAY, 1, "lgbm")
            .withGbm(FAST)
            .withWindows(70, 14);
    MarketplaceForecast r = fit(fc, o, rec);
    MarketplaceForecast d = fit(fc, o, one);
    int n = r.levelPanel().seriesCount();
    assertThat(d.levelPanel().seriesCount()).isEqualTo(n);
    double diffLater = 0;
    for (int s = 0; s < n; s++) {
      assertThat(r.atLevel()[s * 14]).as("series " + s).isEqualTo(d.atLevel()[s]);
      diffLater += Math.abs(r.atLevel()[s * 14 + 1] - r.atLevel()[s * 14]);
    }
    assertThat(diffLater).isPositive();
  }

  /**
   * The recursive update recomputes a row's lag, mean and rolling features from a short tail of the
   * series: they must equal the feature engine's values computed over the whole series.
   */
  @Test
  void recursiveRowUpdateMatchesTheFeatureEngine() throws Exception {
    Panel b = fc.bottom();
    for (Freq freq : List.of(Freq.DAY, Freq.WEEK)) {
      dev.vitrina.demand.features.FeatureSpec fs = LevelFeatures.featureSpec(freq, 1);
      Panel panel = freq == Freq.DAY ? b : weekly();
      dev.vitrina.demand.features.FeatureMatrix fm =
          dev.vitrina.demand.features.FeatureEngine.seriesOnly(panel, fs).build(Progress.silent());
      int cols = fm.columnCount();
      int back = fs.lookback();
      float[][] tmp = new float[cols][back + 1];
      float[][] out = new float[cols][panel.rows()];
      int checked = 0;
      for (int s = 0; s < panel.seriesCount(); s += 7) {
        int start = panel.offsets()[s];
        int end = panel.offsets()[s + 1];
        for (int row = Math.max(start, end - 30); row < end; row += 3) {
          RecursiveStrategy.recomputeRow(panel.values(), start, row, fs, back, tmp, out, cols);
          for (int j = 0; j < cols; j++) {
            float want = fm.columns()[j][row];
            float got = out[j][row];
            if (Float.isNaN(want)) {
              assertThat(got).as(fm.names().get(j)).isNaN();
            } else {
              assertThat(got)
                  .as(fm.names().get(j) + " row " + row)
                  .isCloseTo(want, within(1e-4f * Math.max(1f, Math.abs(want))));
            }
          }
          checked++;
        }
      }
      assertThat(checked).isGreaterThan(50);
    }
  }

  private static Panel weekly() throws Exception {
    SalesTable s = market.readSales(SalesReadOptions.DEFAULT);
    return dev.vitrina.demand.panel.PanelBuilder.build(
        s,
        market.dimensions(),
        dev.vitrina.demand.panel.PanelOptions.of(Level.parse("store,item"), Freq.WEEK));
  }
}
