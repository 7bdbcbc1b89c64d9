package dev.vitrina.forecast.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void scales() {
    // |3-1| + |2-3| + |2-2| = 3 over 3 differences
    assertThat(Scales.mase(new float[] {1, 3, 2, 2}, 0, 4, 1)).isEqualTo(1.0);
    // m=2: |2-1| + |2-3| = 2 over 2
    assertThat(Scales.mase(new float[] {1, 3, 2, 2}, 0, 4, 2)).isEqualTo(1.0);
    assertThat(Scales.mase(new float[] {1}, 0, 1, 1)).isNaN();
    // from the first sale: 1,3,2 -> (2^2 + 1^2) / 2
    assertThat(Scales.rmsse(new float[] {0, 0, 1, 3, 2}, 0, 5)).isEqualTo(2.5);
    assertThat(Scales.rmsse(new float[] {0, 0, 0, 5}, 0, 4)).isNaN();
  }

  @Test
  void evaluationHandComputed() {
    // A: history 0,0,1,3,2; actual 2,4; forecast 3,3 -> errors +1,-1
    // B: history 2,2 (scale 0 -> no MASE/RMSSE); actual 0,0; forecast 1,0
    float[] history = {0, 0, 1, 3, 2, 2, 2};
    int[] offsets = {0, 5, 7};
    double[] actual = {2, 4, 0, 0};
    double[] forecast = {3, 3, 1, 0};
    Evaluation e = Evaluation.of(history, offsets, actual, forecast, 2, 1);
    assertThat(e.mae()).containsExactly(1.0, 0.5);
    assertThat(e.rmse()[0]).isEqualTo(1.0);
    assertThat(e.rmse()[1]).isCloseTo(Math.sqrt(0.5), within(1e-12));
    // MASE scale of A over its whole history: (0+1+2+1)/4 = 1
    assertThat(e.mase()[0]).isEqualTo(1.0);
    assertThat(e.mase()[1]).isNaN();
    assertThat(e.rmsse()[0]).isCloseTo(Math.sqrt(1 / 2.5), within(1e-12));
    MetricSummary s = e.summary();
    assertThat(s.wape()).isEqualTo(0.5); // 3 / 6
    assertThat(s.bias()).isCloseTo(1.0 / 6, within(1e-12));
    assertThat(s.mae()).isEqualTo(0.75);
    assertThat(s.rmse()).isCloseTo(Math.sqrt(0.75), within(1e-12));
    assertThat(s.mase()).isEqualTo(1.0);
    assertThat(s.scaledSeries()).isEqualTo(1);
    assertThat(s.cells()).isEqualTo(4);
  }

  @Test
  void evaluationChecksSizes() {
    assertThatThrownBy(
            () -> Evaluation.of(new float[2], new int[] {0, 2}, new double[3], new double[3], 2, 1))
        .hasMessageContaining("series * horizon = 2");
  }

  @Test
  void wrmsseHandComputed() {
    // A: 1,2,3 (scale 1); B: 0,1,3 (scale from 1,3: 4); total 1,3,6 (scale (4+9)/2 = 6.5)
    float[] train = {1, 2, 3, 0, 1, 3};
    double[] actual = {4, 2};
    double[] forecast = {5, 0};
    double[] dollars = {3, 1};
    HierarchyLevel bottom = new HierarchyLevel("item", new int[] {0, 1}, 2);
    Wrmsse.Result r =
        Wrmsse.compute(
            train, 3, actual, forecast, 1, dollars, List.of(HierarchyLevel.total(2), bottom));
    // bottom: RMSSE A = 1, B = sqrt(4/4) = 1, weighted 1; total: sqrt(1/6.5)
    assertThat(r.levels().get("item")).isCloseTo(1.0, within(1e-12));
    assertThat(r.levels().get("total")).isCloseTo(Math.sqrt(1 / 6.5), within(1e-12));
    assertThat(r.wrmsse()).isCloseTo((1 + Math.sqrt(1 / 6.5)) / 2, within(1e-12));
    assertThat(r.excludedSeries()).isZero();
  }

  @Test
  void wrmsseWeightsByDollarSalesAndExcludesUndefinedScales() {
    // A scale 1, error 2 -> RMSSE 2; B scale 1, error 0; C never sold -> excluded
    float[] train = {1, 2, 3, 2, 1, 2, 0, 0, 0};
    double[] actual = {1, 1, 0};
    double[] forecast = {3, 1, 0};
    double[] dollars = {1, 3, 0};
    HierarchyLevel bottom = HierarchyLevel.of("item", new String[] {"a", "b", "c"});
    Wrmsse.Result r = Wrmsse.compute(train, 3, actual, forecast, 1, dollars, List.of(bottom));
    assertThat(r.wrmsse()).isCloseTo((1 * 2 + 3 * 0) / 4.0, within(1e-12));
    assertThat(r.excludedSeries()).isEqualTo(1);
  }

  @Test
  void levelFromKeysNumbersByFirstAppearance() {
    HierarchyLevel l = HierarchyLevel.of("state", new String[] {"CA", "TX", "CA", "WI"});
    assertThat(l.groupOf()).containsExactly(0, 1, 0, 2);
    assertThat(l.groups()).isEqualTo(3);
    assertThatThrownBy(() -> new HierarchyLevel("x", new int[] {0, 3}, 2))
        .hasMessageContaining("groupOf[1] = 3");
  }
}
