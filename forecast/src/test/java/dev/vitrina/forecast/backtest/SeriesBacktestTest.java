package dev.vitrina.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.forecast.baseline.Naive;
import dev.vitrina.forecast.gbm.GbmConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeriesBacktestTest {

  static FlatSeries threeSeries() {
    // a: 0..7 (8 periods); b: 1,1,2,2,3,3 (stops after 6 periods); c: starts at period 4
    float[] v = {0, 1, 2, 3, 4, 5, 6, 7, 1, 1, 2, 2, 3, 3, 5, 5, 5, 5};
    String[] labels = {"p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7"};
    return new FlatSeries(
        new String[] {"a", "b", "c"}, v, new int[] {0, 8, 14, 18}, new int[] {0, 0, 4}, labels);
  }

  @Test
  void originsAndCut() {
    assertThat(new BacktestSpec(3, 2, 1).origins(8, 2)).containsExactly(4, 5, 6);
    assertThatThrownBy(() -> new BacktestSpec(5, 2, 2).origins(8, 2))
        .isInstanceOfSatisfying(
            dev.vitrina.core.check.ParameterException.class,
            e -> assertThat(e.parameter()).isEqualTo("folds"))
        .hasMessageContaining("period -2 of 8")
        .hasMessageContaining("use fewer folds")
        .hasMessageNotContaining("--");
    assertThatThrownBy(() -> new BacktestSpec(0, 2, 2))
        .isInstanceOfSatisfying(
            dev.vitrina.core.check.ParameterException.class,
            e -> assertThat(e.parameter()).isEqualTo("folds"));
    FlatSeries cut = threeSeries().cut(5);
    assertThat(cut.length(0)).isEqualTo(5);
    assertThat(cut.length(1)).isEqualTo(5);
    assertThat(cut.length(2)).isEqualTo(1);
  }

  @Test
  void naiveBacktestHandComputed() {
    BacktestResult r =
        SeriesBacktest.run(
            threeSeries(),
            new BacktestSpec(2, 2, 2),
            List.of(new BaselineModel(new Naive())),
            1,
            1,
            Progress.silent());
    // origins 4 and 6. Fold 0: a (history 0..3, actual 4,5, forecast 3,3), b (history 1,1,2,2,
    // actual 3,3, forecast 2,2); c has no history before 4.
    BacktestResult.FoldResult f0 = r.folds().get(0);
    assertThat(f0.origin()).isEqualTo(4);
    assertThat(f0.originLabel()).isEqualTo("p4");
    assertThat(f0.evaluated()).containsExactly(0, 1);
    assertThat(f0.forecast()).containsExactly(3, 3, 2, 2);
    assertThat(f0.summary().mae()).isEqualTo(1.25); // errors -1,-2,-1,-1
    BacktestResult.FoldResult f1 = r.folds().get(1);
    // fold 1: a (actual 6,7; forecast 5,5), c (history 5,5; actual 5,5; forecast 5); b stopped
    assertThat(f1.evaluated()).containsExactly(0, 2);
    assertThat(f1.forecast()).containsExactly(5, 5, 5, 5);
    // pooled WAPE: errors fold0 1,2,1,1 fold1 1,2,0,0 = 8 over actuals 4+5+3+3+6+7+5+5 = 38
    assertThat(r.pooled().get("naive").wape()).isCloseTo(8.0 / 38, within(1e-12));
  }

  /** No leakage: a model never sees a value at or after the origin. */
  @Test
  void modelsSeeOnlyThePast() {
    List<Integer> maxSeen = new ArrayList<>();
    SeriesModel spy =
        new SeriesModel() {
          @Override
          public String name() {
            return "spy";
          }

          @Override
          public double[] forecast(FlatSeries history, int origin, int horizon, Progress p) {
            int max = -1;
            for (int s = 0; s < history.size(); s++) {
              max = Math.max(max, history.firstPeriod()[s] + history.length(s) - 1);
            }
            maxSeen.add(max - origin);
            return new double[history.size() * horizon];
          }
        };
    SeriesBacktest.run(
        threeSeries(), new BacktestSpec(3, 2, 1), List.of(spy), 1, 1, Progress.silent());
    assertThat(maxSeen).hasSize(3).allSatisfy(d -> assertThat(d).isEqualTo(-1));
  }

  /** The global GBM's forecast at an origin does not change when the future changes. */
  @Test
  void gbmForecastIgnoresTheFuture() {
    SplittableRandom r = new SplittableRandom(5);
    int n = 60;
    int len = 30;
    float[] v = new float[n * len];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextDouble() < 0.4 ? r.nextInt(1, 6) : 0;
    }
    int[] off = new int[n + 1];
    String[] ids = new String[n];
    for (int s = 0; s < n; s++) {
      off[s + 1] = off[s] + len;
      ids[s] = "s" + s;
    }
    String[] labels = new String[len];
    for (int t = 0; t < len; t++) {
      labels[t] = "t" + t;
    }
    FlatSeries data = new FlatSeries(ids, v, off, new int[n], labels);
    float[] v2 = v.clone();
    for (int s = 0; s < n; s++) {
      for (int t = 24; t < len; t++) {
        v2[s * len + t] = 1000; // a wildly different future
      }
    }
    FlatSeries data2 = new FlatSeries(ids, v2, off, new int[n], labels);
    SeriesGbmModel m =
        new SeriesGbmModel(
            GbmConfig.defaults()
                .withRounds(30, 0.1)
                .withTrees(7, 20)
                .withEarlyStopping(5)
                .withThreads(1),
            6,
            12,
            3);
    double[] a = m.forecast(data.cut(24), 24, 6, Progress.silent());
    double[] b = m.forecast(data2.cut(24), 24, 6, Progress.silent());
    assertThat(a).containsExactly(b);
    assertThat(a).hasSize(n * 6);
    for (double x : a) {
      assertThat(x).isFinite().isBetween(0.0, 6.0);
    }
  }
}
