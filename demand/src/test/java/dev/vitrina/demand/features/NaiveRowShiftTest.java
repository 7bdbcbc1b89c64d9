package dev.vitrina.demand.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.demand.data.Dimensions;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.demand.panel.Panel;
import dev.vitrina.demand.panel.PanelBuilder;
import dev.vitrina.demand.panel.PanelOptions;
import dev.vitrina.demand.sales.SalesTable;
import org.junit.jupiter.api.Test;

/**
 * Sparse sales rows (zero days absent) make a row shift look further back than it claims: the shift
 * of 7 rows at day 30 lands on day 3, not day 23. The calendar-completed lags do not.
 */
class NaiveRowShiftTest {

  @Test
  void naiveRowShiftOnSparseRowsIsWrongOurLagIsRight() {
    // One series selling on days 0, 3, 5, 9, 12, 16, 20, 23, 27, 30 (day offsets from 2024-01-01).
    int[] days = {0, 3, 5, 9, 12, 16, 20, 23, 27, 30};
    float[] qty = {4, 1, 2, 6, 3, 5, 2, 8, 1, 7};
    int base = 19_723;
    int n = days.length;
    int[] day = new int[n];
    for (int i = 0; i < n; i++) {
      day[i] = base + days[i];
    }
    SalesTable sales =
        SalesTable.of(
            new int[n],
            new int[n],
            day,
            qty,
            FeatureEngineReferenceTest.ids("S", 1),
            FeatureEngineReferenceTest.ids("I", 1));

    // The naive way: lag k = quantity k rows earlier in the sales rows.
    float naiveLag7AtDay30 = qty[n - 1 - 7]; // row 2 = day 5
    float naiveLag1AtDay30 = qty[n - 2]; // day 27

    Panel panel =
        PanelBuilder.build(sales, Dimensions.none(), PanelOptions.of(Level.STORE_ITEM, Freq.DAY));
    FeatureMatrix m =
        FeatureEngine.seriesOnly(panel, FeatureSpec.lagsAndMeans(new int[] {1, 7}))
            .build(Progress.silent());
    int rowDay30 = 30;
    float lag7 = m.column("lag_7")[rowDay30];
    float lag1 = m.column("lag_1")[rowDay30];

    // The truth: day 23 sold 8, day 29 sold nothing.
    assertThat(lag7).isEqualTo(8f);
    assertThat(lag1).isEqualTo(0f);
    assertThat(naiveLag7AtDay30).isEqualTo(2f).isNotEqualTo(lag7);
    assertThat(naiveLag1AtDay30).isEqualTo(1f).isNotEqualTo(lag1);
    assertThat(panel.rows()).isEqualTo(31);
    assertThat(panel.growthFactor()).isEqualTo(31 / 10.0);
  }
}
