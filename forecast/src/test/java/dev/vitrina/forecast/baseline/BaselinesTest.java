package dev.vitrina.forecast.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hand-computed forecasts for every baseline (values worked out in the comments). */
class BaselinesTest {

  private static double[] run(SeriesForecaster f, int h, float... history) {
    double[] out = new double[h + 2];
    // write at an offset to check that offsets are honoured and nothing else is touched
    f.forecast(pad(history), 1, history.length, h, out, 1);
    assertThat(out[0]).isZero();
    assertThat(out[h + 1]).isZero();
    double[] r = new double[h];
    System.arraycopy(out, 1, r, 0, h);
    return r;
  }

  private static float[] pad(float[] v) {
    float[] p = new float[v.length + 2];
    p[0] = 99f;
    System.arraycopy(v, 0, p, 1, v.length);
    p[v.length + 1] = 77f;
    return p;
  }

  @Test
  void naiveRepeatsLastValue() {
    assertThat(run(new Naive(), 3, 1, 2, 5)).containsExactly(5, 5, 5);
    assertThat(run(new Naive(), 2)).containsExactly(0, 0);
  }

  @Test
  void seasonalNaiveRepeatsLastSeason() {
    assertThat(run(new SeasonalNaive(3), 5, 1, 2, 3, 4, 5, 6)).containsExactly(4, 5, 6, 4, 5);
    // shorter than a season: naive
    assertThat(run(new SeasonalNaive(7), 2, 1, 2, 3)).containsExactly(3, 3);
  }

  @Test
  void movingAverageOfTrailingWindow() {
    assertThat(run(new MovingAverage(2), 2, 1, 2, 3, 5)).containsExactly(4, 4);
    assertThat(run(new MovingAverage(10), 1, 1, 2)).containsExactly(1.5);
  }

  @Test
  void crostonHandComputed() {
    // sizes 3,2,1 -> z = 3, 2.9, 2.71; intervals 3,4,2 -> p = 3, 3.1, 2.99 (R gives 0.9063545)
    double[] f = run(new Croston(0.1), 2, 0, 0, 3, 0, 0, 0, 2, 0, 1, 0);
    assertThat(f[0]).isCloseTo(2.71 / 2.99, within(1e-12));
    assertThat(f[1]).isEqualTo(f[0]);
    // a single sale of 4 at position 3: 4/3
    assertThat(run(new Croston(), 1, 0, 0, 4)[0]).isCloseTo(4.0 / 3, within(1e-12));
    assertThat(run(new Croston(), 1, 0, 0, 0)).containsExactly(0);
    assertThat(run(new Croston(), 1)).containsExactly(0);
  }

  @Test
  void sbaIsCrostonTimesOneMinusHalfAlpha() {
    double f = run(new Sba(0.1), 1, 0, 0, 3, 0, 0, 0, 2, 0, 1, 0)[0];
    assertThat(f).isCloseTo(2.71 / 2.99 * 0.95, within(1e-12));
  }

  @Test
  void tsbHandComputed() {
    // first sale 2 at position 2: z=2, p=1/2; zero: p=0.25; sale 4: p=0.625, z=3 -> 1.875
    assertThat(run(new Tsb(0.5, 0.5), 1, 0, 2, 0, 4)[0]).isCloseTo(1.875, within(1e-12));
    // obsolescence: a long run of zeros drives TSB towards 0, Croston stays put
    float[] dead = new float[60];
    dead[0] = 5;
    dead[1] = 5;
    assertThat(run(new Tsb(), 1, dead)[0]).isLessThan(0.02);
    assertThat(run(new Croston(), 1, dead)[0]).isEqualTo(5.0);
  }

  @Test
  void adidaHandComputed() {
    // k=2, 7 values: drop the oldest; buckets (0,2) (0,0) (4,1) = 2,0,5; SES a=.5: 2,1,3; /2
    assertThat(run(new Adida(2, 0.5), 1, 1, 0, 2, 0, 0, 4, 1)[0]).isCloseTo(1.5, within(1e-12));
    // ADI rule: 4 sales in 7 periods -> k = round(1.75) = 2, same answer
    assertThat(run(new Adida(0, 0.5), 1, 1, 0, 2, 0, 0, 4, 1)[0]).isCloseTo(1.5, within(1e-12));
    // shorter than a bucket: the mean
    assertThat(run(new Adida(5, 0.5), 1, 1, 0, 2)[0]).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void forecastAllUsesOffsetsAndNamesBadSeries() {
    float[] values = {1, 2, 3, 7, 0, 0};
    int[] offsets = {0, 3, 4, 6};
    assertThat(new Naive().forecastAll(values, offsets, 2)).containsExactly(3, 3, 7, 7, 0, 0);
    float[] bad = {1, -2, 3};
    assertThatThrownBy(() -> new Croston().forecastAll(bad, new int[] {0, 1, 3}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("series 1")
        .hasMessageContaining("position 0");
  }

  @Test
  void configsRejectBadParameters() {
    assertThatThrownBy(() -> new Croston(0)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> new SeasonalNaive(0)).hasMessageContaining("period");
    assertThatThrownBy(() -> new Adida(-1, 0.1)).hasMessageContaining("aggregation");
  }

  /**
   * Seeded randomized contract: every baseline gives finite, non-negative, flat-or-seasonal output.
   */
  @Test
  void randomizedContract() {
    long seed = 20240611L;
    SplittableRandom rnd = new SplittableRandom(seed);
    List<SeriesForecaster> all =
        List.of(
            new Naive(),
            new SeasonalNaive(7),
            new MovingAverage(28),
            new Croston(),
            new Sba(),
            new Tsb(),
            new Adida());
    for (int trial = 0; trial < 200; trial++) {
      int len = rnd.nextInt(0, 80);
      float[] v = new float[len];
      for (int i = 0; i < len; i++) {
        v[i] = rnd.nextDouble() < 0.3 ? rnd.nextInt(1, 20) : 0;
      }
      float max = 0;
      for (float x : v) {
        max = Math.max(max, x);
      }
      for (SeriesForecaster f : all) {
        double[] out = run(f, 5, v);
        for (double x : out) {
          assertThat(x)
              .as("seed %d trial %d %s", seed, trial, f.name())
              .isFinite()
              .isBetween(0.0, (double) max);
        }
      }
    }
  }
}
