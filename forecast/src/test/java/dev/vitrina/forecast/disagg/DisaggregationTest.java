package dev.vitrina.forecast.disagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DisaggregationTest {

  static final float N = Float.NaN;

  // parent 0: c0 = 1,2,3 (6); c1 = 0,0,2 (2); c6 = 0,0,0 (no recent sales, sibling sold)
  // parent 1: c2 = 0,0,0 and c3 = -,-,0 exist but never sold; c4 did not exist -> equal split
  // parent 2: only c5, which did not exist -> it gets everything
  static final float[] WINDOW = {1, 2, 3, 0, 0, 2, 0, 0, 0, N, N, 0, N, N, N, N, N, N, 0, 0, 0};
  static final int[] PARENT = {0, 0, 1, 1, 1, 2, 0};

  @Test
  void proportionOfAverages() {
    double[] s = Shares.compute(WINDOW, 3, PARENT, 3, ShareMethod.PROPORTION_OF_AVERAGES);
    assertThat(s).containsExactly(0.75, 0.25, 0.5, 0.5, 0.0, 1.0, 0.0);
  }

  @Test
  void averageOfProportions() {
    // parent 0 totals per period 1,2,5: c0 = (1 + 1 + 0.6)/3, c1 = (0 + 0 + 0.4)/3
    double[] s = Shares.compute(WINDOW, 3, PARENT, 3, ShareMethod.AVERAGE_OF_PROPORTIONS);
    assertThat(s[0]).isCloseTo(2.6 / 3, within(1e-12));
    assertThat(s[1]).isCloseTo(0.4 / 3, within(1e-12));
    assertThat(s[6]).isZero();
    assertThat(new double[] {s[2], s[3], s[4], s[5]}).containsExactly(0.5, 0.5, 0.0, 1.0);
  }

  @Test
  void disaggregatedForecastsSumToTheParent() {
    double[] s = Shares.compute(WINDOW, 3, PARENT, 3, ShareMethod.PROPORTION_OF_AVERAGES);
    double[] parent = {10, 20, 3, 0, 7, 7};
    double[] child = Disaggregator.disaggregate(parent, 2, PARENT, s);
    assertThat(new double[] {child[0], child[1]}).containsExactly(7.5, 15.0);
    assertThat(new double[] {child[2], child[3]}).containsExactly(2.5, 5.0);
    assertThat(new double[] {child[4], child[5]}).containsExactly(1.5, 0.0);
    assertThat(new double[] {child[10], child[11]}).containsExactly(7.0, 7.0);
  }

  @Test
  void randomizedSumsBackExactly() {
    long seed = 99L;
    SplittableRandom r = new SplittableRandom(seed);
    for (int trial = 0; trial < 50; trial++) {
      int parents = r.nextInt(1, 20);
      int children = parents + r.nextInt(0, 100);
      int periods = r.nextInt(1, 30);
      int horizon = r.nextInt(1, 10);
      int[] parentOf = new int[children];
      for (int c = 0; c < children; c++) {
        parentOf[c] = c < parents ? c : r.nextInt(parents);
      }
      float[] w = new float[children * periods];
      for (int i = 0; i < w.length; i++) {
        double u = r.nextDouble();
        w[i] = u < 0.1 ? Float.NaN : u < 0.7 ? 0 : (float) r.nextInt(1, 50);
      }
      double[] f = new double[parents * horizon];
      for (int i = 0; i < f.length; i++) {
        f[i] = r.nextDouble() * 1000;
      }
      for (ShareMethod m : ShareMethod.values()) {
        double[] s = Shares.compute(w, periods, parentOf, parents, m);
        double[] c = Disaggregator.disaggregate(f, horizon, parentOf, s);
        double[] sum = new double[f.length];
        for (int ch = 0; ch < children; ch++) {
          assertThat(s[ch]).isBetween(0.0, 1.0);
          for (int k = 0; k < horizon; k++) {
            sum[parentOf[ch] * horizon + k] += c[ch * horizon + k];
          }
        }
        for (int i = 0; i < f.length; i++) {
          assertThat(sum[i])
              .as("seed %d trial %d %s", seed, trial, m)
              .isCloseTo(f[i], within(1e-12 * Math.max(1, f[i])));
        }
      }
    }
  }

  @Test
  void dayOfWeekProfiles() {
    // series 0 sells 4 on window days 0 and 7 and 2 on day 3; window starts at week position 2
    float[] daily = new float[28];
    daily[0] = 4;
    daily[7] = 4;
    daily[3] = 2;
    double[] p = DayOfWeekProfile.profiles(daily, 14, 2);
    assertThat(p[2]).isEqualTo(0.8);
    assertThat(p[5]).isEqualTo(0.2);
    // series 1 never sold: flat
    for (int d = 0; d < 7; d++) {
      assertThat(p[7 + d]).isEqualTo(1.0 / 7);
    }
    double[] days = DayOfWeekProfile.weeklyToDaily(new double[] {10, 20, 7, 14}, 2, p);
    assertThat(days[2]).isEqualTo(8.0);
    assertThat(days[5]).isEqualTo(2.0);
    assertThat(days[7 + 2]).isEqualTo(16.0);
    double week2 = 0;
    for (int d = 21; d < 28; d++) {
      week2 += days[d];
    }
    assertThat(week2).isCloseTo(14.0, within(1e-12));
  }

  @Test
  void badInputsNameTheProblem() {
    assertThatThrownBy(
            () ->
                Shares.compute(
                    new float[2], 1, new int[] {0, 5}, 2, ShareMethod.PROPORTION_OF_AVERAGES))
        .hasMessageContaining("parentOf[1] = 5");
    assertThatThrownBy(
            () ->
                Disaggregator.disaggregate(
                    new double[] {1}, 1, new int[] {0, 0}, new double[] {0.5, 0.6}))
        .hasMessageContaining("sum to 1");
  }
}
