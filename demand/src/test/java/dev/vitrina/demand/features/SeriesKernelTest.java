package dev.vitrina.demand.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeriesKernelTest {

  private static final float NaN = Float.NaN;

  @Test
  void lagsAreCalendarShiftsWithNullBeforeTheStart() {
    float[] v = {9, 9, 1, 0, 3, 0, 5}; // series at offset 2: 1 0 3 0 5
    FeatureSpec spec = new FeatureSpec(new int[] {1, 2, 4}, false, new int[0], false, false, 1);
    float[][] out = new float[3][5];
    SeriesKernel.compute(v, 2, 5, spec, out, 0);
    assertThat(out[0]).containsExactly(NaN, 1, 0, 3, 0);
    assertThat(out[1]).containsExactly(NaN, NaN, 1, 0, 3);
    assertThat(out[2]).containsExactly(NaN, NaN, NaN, NaN, 1);
  }

  @Test
  void meansByHand() {
    // 29 days: value t at day t (0..28).
    float[] v = new float[29];
    for (int t = 0; t < v.length; t++) {
      v[t] = t;
    }
    FeatureSpec spec = FeatureSpec.lagsAndMeans(new int[] {1});
    float[][] out = new float[3][29];
    SeriesKernel.compute(v, 0, 29, spec, out, 0);
    float[] mean7 = out[1];
    float[] mean4w = out[2];
    assertThat(mean7[0]).isNaN();
    assertThat(mean7[1]).isEqualTo(0f); // only lag_1 = 0
    assertThat(mean7[3]).isEqualTo((0 + 1 + 2) / 3f);
    assertThat(mean7[10]).isEqualTo((3 + 4 + 5 + 6 + 7 + 8 + 9) / 7f);
    assertThat(mean4w[6]).isNaN();
    assertThat(mean4w[7]).isEqualTo(0f);
    assertThat(mean4w[20]).isEqualTo((13 + 6) / 2f);
    assertThat(mean4w[28]).isEqualTo((21 + 14 + 7 + 0) / 4f);
  }

  @Test
  void rollingStatisticsByHand() {
    float[] v = {2, 4, 4, 4, 5, 5, 7, 9};
    FeatureSpec spec = new FeatureSpec(new int[0], false, new int[] {3}, false, false, 1);
    float[][] out = new float[3][8];
    SeriesKernel.compute(v, 0, 8, spec, out, 0);
    float[] mean = out[0];
    float[] std = out[1];
    float[] max = out[2];
    assertThat(mean[0]).isNaN();
    assertThat(mean[1]).isEqualTo(2f);
    assertThat(std[1]).isNaN(); // one value: no sample std
    assertThat(mean[2]).isEqualTo(3f);
    assertThat(std[2]).isCloseTo((float) Math.sqrt(2), within(1e-6f));
    assertThat(mean[4]).isEqualTo(4f); // 4,4,4
    assertThat(std[4]).isEqualTo(0f);
    assertThat(mean[7]).isCloseTo((5 + 5 + 7) / 3f, within(1e-6f));
    assertThat(max).containsExactly(NaN, 2, 4, 4, 4, 5, 5, 7);
  }

  @Test
  void minLagShiftsRollingWindowsAndDropsShortLags() {
    float[] v = {1, 2, 3, 4, 5, 6};
    FeatureSpec spec = new FeatureSpec(new int[] {1, 2, 3}, true, new int[] {2}, false, false, 3);
    assertThat(spec.lags()).containsExactly(3);
    assertThat(spec.seriesFeatureNames())
        .containsExactly("lag_3", "mean_4w", "roll_mean_2", "roll_std_2", "roll_max_2");
    float[][] out = new float[5][6];
    SeriesKernel.compute(v, 0, 6, spec, out, 0);
    // Row 5 (value 6): window ends 3 periods back -> values at t=1,2 -> 2,3.
    assertThat(out[2][5]).isEqualTo(2.5f);
    assertThat(out[4][5]).isEqualTo(3f);
    assertThat(out[2][2]).isNaN();
    assertThat(out[2][3]).isEqualTo(1f);
  }

  @Test
  void nanValuesAreIgnoredInMeansAndWindows() {
    float[] v = {2, 4, NaN, NaN};
    FeatureSpec spec = new FeatureSpec(new int[] {1}, true, new int[] {3}, false, false, 1);
    float[][] out = new float[6][4];
    SeriesKernel.compute(v, 0, 4, spec, out, 0);
    assertThat(out[1][3]).isEqualTo(3f); // mean_7 over 2,4 (NaN ignored)
    assertThat(out[3][3]).isEqualTo(3f); // roll_mean_3
    assertThat(out[5][3]).isEqualTo(4f); // roll_max_3
  }
}
