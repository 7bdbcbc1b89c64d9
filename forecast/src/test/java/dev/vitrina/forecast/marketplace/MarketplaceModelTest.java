package dev.vitrina.forecast.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.forecast.backtest.MarketplaceBacktest;
import dev.vitrina.forecast.gbm.GbmConfig;
import dev.vitrina.forecast.gbm.GbmModel;
import dev.vitrina.synth.MarketplaceGenerator;
import dev.vitrina.synth.Preset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer -> model split: a fitted model is immutable and forecasts from (history, origin)
 * exactly what the training pass forecast, also after a save and load.
 */
class MarketplaceModelTest {

  @TempDir static Path dir;
  @TempDir Path out;
  static MarketplaceHistory history;
  static int origin;

  static final GbmConfig FAST =
      GbmConfig.defaults()
          .withRounds(30, 0.2)
          .withTrees(15, 20)
          .withEarlyStopping(5)
          .withThreads(1);

  @BeforeAll
  static void generate() throws Exception {
    new MarketplaceGenerator(Preset.TINY, 3).generate(dir, Progress.silent());
    history = MarketplaceHistory.load(dir);
    origin = MarketplaceBacktest.origins(history, 1, 14, 14)[0];
  }

  static MarketplaceSpec spec(String level, Freq freq, String model) {
    return MarketplaceSpec.of(Level.parse(level), freq, 14, model)
        .withGbm(FAST)
        .withWindows(70, 14);
  }

  @Test
  void modelForecastsFromHistoryAndOriginWhatTheTrainingPassForecast() throws Exception {
    List<MarketplaceSpec> specs =
        List.of(
            spec("item,state", Freq.DAY, "lgbm").withDirectGroups(List.of(7, 14)),
            spec("store,item", Freq.DAY, "lgbm").withRecursive(true),
            spec("store,item", Freq.WEEK, "lgbm"),
            spec("item,city", Freq.DAY, "tsb"));
    int k = 0;
    for (MarketplaceSpec sp : specs) {
      String what = sp.model() + " " + sp.level() + " " + sp.freq() + " rec=" + sp.recursive();
      MarketplaceTrainer trainer = new MarketplaceTrainer(sp);
      try (MarketplaceTrainer.Fitted fitted =
              trainer.fitAndForecast(history, origin, Progress.silent());
          MarketplaceModel model = trainer.fit(history, origin, Progress.silent())) {
        double[] want = fitted.forecast().bottom();
        assertThat(want).as(what).isNotEmpty();
        // the model of the one-pass fit, a separately fitted model, and the same model again
        assertThat(fitted.model().forecast(history, origin).bottom())
            .as(what)
            .containsExactly(want);
        assertThat(model.forecast(history, origin).bottom()).as(what).containsExactly(want);
        assertThat(model.forecast(history, origin).bottom()).as(what).containsExactly(want);
        assertThat(model.forecast(history, origin).atLevel())
            .as(what)
            .containsExactly(fitted.forecast().atLevel());
        // ...and after a save and load
        Path home = out.resolve("m" + k++);
        model.save(home);
        try (MarketplaceModel loaded = MarketplaceModel.load(home)) {
          assertThat(loaded.spec().model()).isEqualTo(sp.model());
          assertThat(loaded.originDay()).isEqualTo(origin);
          assertThat(loaded.models()).hasSameSizeAs(model.models());
          assertThat(loaded.forecast(history, origin).bottom()).as(what).containsExactly(want);
        }
      }
    }
  }

  @Test
  void aModelIsImmutable() {
    MarketplaceSpec sp = spec("store,item", Freq.DAY, "lgbm").withDirectGroups(List.of(7, 14));
    try (MarketplaceModel m = new MarketplaceTrainer(sp).fit(history, origin, Progress.silent())) {
      assertThat(m.models()).hasSize(2);
      assertThatThrownBy(() -> m.models().clear())
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> m.spec().directGroups().set(0, 3))
          .isInstanceOf(UnsupportedOperationException.class);
      // a list handed to the constructor and changed afterwards does not change the model
      List<GbmModel> boosters = new ArrayList<>(m.models());
      MarketplaceModel copy = new MarketplaceModel(sp, origin, boosters);
      boosters.clear();
      assertThat(copy.models()).hasSize(2);
      // forecasting leaves nothing behind: an earlier origin in between changes no later forecast
      double[] first = m.forecast(history, origin).bottom();
      m.forecast(history, origin - 7);
      assertThat(m.forecast(history, origin).bottom()).containsExactly(first);
    }
  }

  @Test
  void aBaselineNeedsNoTraining() {
    try (MarketplaceModel m =
        new MarketplaceTrainer(spec("item", Freq.WEEK, "snaive"))
            .fit(history, origin, Progress.silent())) {
      assertThat(m.models()).isEmpty();
      assertThat(m.forecast(history, origin).bottom()).hasSize(history.bottom().seriesCount() * 14);
    }
  }

  @Test
  void theModelsMustMatchTheSpec() {
    assertThatThrownBy(
            () -> new MarketplaceModel(spec("item", Freq.DAY, "lgbm"), origin, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 1 LightGBM model(s), got 0");
  }

  @Test
  void aBadOriginNamesTheParameter() {
    MarketplaceTrainer t = new MarketplaceTrainer(spec("item", Freq.WEEK, "snaive"));
    int late = history.lastDay() + 2;
    assertThatThrownBy(() -> t.fit(history, late, Progress.silent()))
        .isInstanceOfSatisfying(
            ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("origin"))
        .hasMessageContaining(LocalDate.ofEpochDay(late).toString())
        .hasMessageContaining("forecast from at most " + LocalDate.ofEpochDay(late - 1));
    assertThatThrownBy(() -> t.fit(history, history.firstDay() + 7, Progress.silent()))
        .isInstanceOfSatisfying(
            ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("origin"))
        .hasMessageContaining("less than 28 days of history")
        .hasMessageNotContaining("--");
    try (MarketplaceModel m = t.fit(history, origin, Progress.silent())) {
      assertThatThrownBy(() -> m.forecast(history, origin + 1))
          .isInstanceOfSatisfying(
              ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("origin"))
          .hasMessageContaining("must be a Monday for a weekly forecast");
    }
  }
}
