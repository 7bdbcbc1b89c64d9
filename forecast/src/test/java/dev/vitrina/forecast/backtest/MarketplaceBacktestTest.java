package dev.vitrina.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.demand.marketplace.Marketplace;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.forecast.gbm.GbmConfig;
import dev.vitrina.forecast.marketplace.MarketplaceHistory;
import dev.vitrina.forecast.marketplace.MarketplaceSpec;
import dev.vitrina.synth.MarketplaceGenerator;
import dev.vitrina.synth.Preset;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end on the {@code tiny} preset (3 stores, 60 items, 180 days). */
class MarketplaceBacktestTest {

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
  void originsAreMondaysAndTooManyFoldsNameTheParameter() {
    int[] o = MarketplaceBacktest.origins(fc, 2, 14, 14);
    assertThat(o[1] - o[0]).isEqualTo(14);
    assertThat(java.time.LocalDate.ofEpochDay(o[1]).getDayOfWeek())
        .isEqualTo(java.time.DayOfWeek.MONDAY);
    assertThat(o[1] + 14 - 1).isLessThanOrEqualTo(fc.lastDay()).isGreaterThan(fc.lastDay() - 7);
    assertThatThrownBy(() -> MarketplaceBacktest.origins(fc, 40, 14, 14))
        .isInstanceOfSatisfying(
            ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("folds"))
        .hasMessageContaining("56 days of history")
        .hasMessageContaining("use fewer folds")
        .hasMessageNotContaining("--");
  }
}
