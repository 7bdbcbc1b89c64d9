package dev.vitrina.demand.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.check.ParameterException;
import org.junit.jupiter.api.Test;

class FeatureSpecTest {

  @Test
  void parsesRangesAndLists() {
    assertThat(FeatureSpec.parseLags("1..7,14,21,28"))
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 14, 21, 28);
    assertThat(FeatureSpec.parseLags(" 3 , 1..2 ")).containsExactly(3, 1, 2);
  }

  @Test
  void badLagsSayHowToFixThem() {
    assertThatThrownBy(() -> new FeatureSpec(new int[] {1, -7}, true, new int[0], false, false, 1))
        .isInstanceOf(ParameterException.class)
        .hasMessage("lags must be positive, got -7 in [1, -7]; use e.g. 1..7,14,21,28");
    assertThatThrownBy(() -> FeatureSpec.parseLags("1..x"))
        .isInstanceOf(ParameterException.class)
        .hasMessage("lags '1..x' has an unreadable part '1..x'; use e.g. 1..7,14,21,28");
    assertThatThrownBy(() -> new FeatureSpec(new int[] {1}, true, new int[] {1}, false, false, 1))
        .hasMessage("windows (rolling windows) must be >= 2, got 1; use e.g. 7,14,28,56");
    assertThatThrownBy(() -> FeatureSpec.parseLags("7..1")).hasMessageContaining("is empty");
  }

  @Test
  void namesFollowTheContract() {
    assertThat(FeatureSpec.defaults().seriesFeatureNames())
        .startsWith("lag_1", "lag_2", "lag_3", "lag_4", "lag_5", "lag_6", "lag_7", "lag_14")
        .contains("mean_7", "mean_4w", "roll_mean_56", "roll_std_7", "roll_max_28");
  }

  @Test
  void lookbackIsTheFarthestPeriodAnyPerSeriesFeatureReads() {
    // lags up to 28; rolling windows up to 56 ending 1 back: 1 + 56 - 1
    assertThat(FeatureSpec.defaults().lookback()).isEqualTo(56);
    // lags 1..3 only, but mean_4w reads lag 28
    assertThat(FeatureSpec.lagsAndMeans(new int[] {1, 2, 3}).lookback()).isEqualTo(28);
    // rolling 7 ending 14 back: 14 + 7 - 1 = 20 > lag 14; no means from minLag 14
    FeatureSpec far = new FeatureSpec(new int[] {14}, true, new int[] {7}, false, false, 14);
    assertThat(far.lookback()).isEqualTo(20);
  }
}
