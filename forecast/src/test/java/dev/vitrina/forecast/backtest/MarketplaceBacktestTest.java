package dev.vitrina.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.demand.data.Marketplace;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.demand.panel.Panel;
import dev.vitrina.demand.sales.SalesReadOptions;
import dev.vitrina.demand.sales.SalesTable;
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

/** End-to-end on the {@code tiny} preset (3 stores, 60 items, 180 days). */
class MarketplaceBacktestTest {

  @TempDir static Path dir;
  static MarketplaceForecaster fc;
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
    fc = MarketplaceForecaster.load(dir);
  }

  static MarketplaceSpec spec(String level, Freq freq, String model) {
    return MarketplaceSpec.of(Level.parse(level), freq, 14, model)
        .withGbm(FAST)
        .withWindows(70, 14);
  }

  @Test
  void directStoreItemDayBacktest() {
    MarketplaceBacktest.Result r =
        MarketplaceBacktest.run(
            fc, spec("store,item", Freq.DAY, "lgbm"), 2, 14, 3, Progress.silent());
    assertThat(r.folds()).hasSize(2);
    for (MarketplaceBacktest.Fold f : r.folds()) {
      assertThat(f.origin().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
      assertThat(f.wrmsse().wrmsse()).isFinite().isPositive();
      // total, state, store, category, department, crossings, item, item x state, store x item
      assertThat(f.wrmsse().levels()).hasSize(12);
      assertThat(f.bottom().wape()).isFinite().isPositive();
      assertThat(f.bestRounds()).hasSize(1);
    }
    assertThat(r.folds().get(1).origin()).isEqualTo(r.folds().get(0).origin().plusDays(14));
    assertThat(r.samples()).hasSize(3);
  }

  @Test
  void coarserLevelDisaggregatesAndSumsBack() {
    int o = fc.origins(1, 14, 14)[0];
    for (String model : List.of("lgbm", "tsb")) {
      MarketplaceForecaster.Result r =
          fc.forecast(o, spec("item,state", Freq.DAY, model), null, Progress.silent());
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
      r.models().forEach(m -> m.close());
    }
  }

  @Test
  void weeklyForecastsSplitIntoDaysThatSumToTheWeek() {
    int o = fc.origins(1, 14, 14)[0];
    MarketplaceForecaster.Result r =
        fc.forecast(o, spec("store,item", Freq.WEEK, "lgbm"), null, Progress.silent());
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
    r.models().forEach(m -> m.close());
  }

  /**
   * No leakage: multiplying every sale on or after the origin by 10 changes nothing in the forecast
   * from that origin, for the global model (features from the feature engine) and a baseline.
   */
  @Test
  void forecastsUseOnlyDataBeforeTheOrigin() throws Exception {
    SalesTable s = market.readSales(SalesReadOptions.DEFAULT);
    int o = fc.origins(1, 14, 14)[0];
    float[] future = s.qty().clone();
    for (int i = 0; i < future.length; i++) {
      if (s.day()[i] >= o) {
        future[i] *= 10;
      }
    }
    SalesTable a = SalesTable.of(s.store(), s.item(), s.day(), s.qty(), s.stores(), s.items());
    SalesTable b = SalesTable.of(s.store(), s.item(), s.day(), future, s.stores(), s.items());
    MarketplaceForecaster fa = new MarketplaceForecaster(a, market.dimensions(), null);
    MarketplaceForecaster fb = new MarketplaceForecaster(b, market.dimensions(), null);
    for (String model : List.of("lgbm", "croston")) {
      MarketplaceForecaster.Result ra =
          fa.forecast(o, spec("item,state", Freq.DAY, model), null, Progress.silent());
      MarketplaceForecaster.Result rb =
          fb.forecast(o, spec("item,state", Freq.DAY, model), null, Progress.silent());
      assertThat(ra.bottom()).as(model).containsExactly(rb.bottom());
      ra.models().forEach(m -> m.close());
      rb.models().forEach(m -> m.close());
    }
    // ...while the data after the origin really differs
    assertThat(fa.bottomWindow(o, o + 14)).isNotEqualTo(fb.bottomWindow(o, o + 14));
  }
}
