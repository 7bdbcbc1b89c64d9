package dev.vitrina.experiments.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TwoSampleTest {

  @Test
  void srmFlagsTheWorkedExample() {
    SrmResult s =
        Srm.test(
            List.of("control", "treatment"), new long[] {70_500, 29_500}, new double[] {70, 30});
    // scipy.stats.chi2.sf(500**2/70000 + 500**2/30000, 1) = 5.599062480061843e-4
    assertThat(s.pValue()).isCloseTo(5.599062480061843e-4, offset(1e-12));
    assertThat(s.chiSquare()).isCloseTo(250_000.0 / 70_000 + 250_000.0 / 30_000, offset(1e-9));
    assertThat(s.mismatch()).isTrue();
    assertThat(s.verdict()).startsWith("SAMPLE RATIO MISMATCH").contains("p = 0.000560 < 0.001");
    SrmResult huge =
        Srm.test(List.of("control", "treatment"), new long[] {6982, 3018}, new double[] {1, 1});
    assertThat(huge.pValue()).isZero(); // chi-square 1571: the survival function underflows
    assertThat(huge.verdict()).contains("p < 1e-300, below 0.001");
    SrmResult fine =
        Srm.test(
            List.of("control", "treatment"), new long[] {70_100, 29_900}, new double[] {70, 30});
    assertThat(fine.mismatch()).isFalse();
    assertThat(fine.verdict()).startsWith("No sample ratio mismatch");
  }

  @Test
  void relativeLiftDeltaMethodByHand() {
    // control mean 10 (variance of mean 1), treatment 11 (variance of mean 1):
    // lift 0.1, var = 1/100 + 121 * 1 / 10^4 = 0.0221
    Estimate e = TwoSample.relative(10, 1, 11, 1, 0.05);
    assertThat(e.value()).isCloseTo(0.1, offset(1e-15));
    assertThat(e.standardError()).isCloseTo(Math.sqrt(0.0221), offset(1e-15));
    assertThat(e.ci().high() - e.value())
        .isCloseTo(1.959963984540054 * Math.sqrt(0.0221), offset(1e-12));
  }

  @Test
  void ratioDeltaMethodMatchesTwoPassReference() {
    SplittableRandom r = new SplittableRandom(42);
    int n = 2000;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = 1 + r.nextInt(20);
      x[i] = Math.floor(y[i] * 0.1 * r.nextDouble() * 2);
    }
    BivariateMoments m = BivariateMoments.of(x, y);
    // two-pass reference
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double vx = 0;
    double vy = 0;
    double cxy = 0;
    for (int i = 0; i < n; i++) {
      vx += (x[i] - mx) * (x[i] - mx);
      vy += (y[i] - my) * (y[i] - my);
      cxy += (x[i] - mx) * (y[i] - my);
    }
    vx /= n - 1;
    vy /= n - 1;
    cxy /= n - 1;
    double ref =
        (vx / (my * my) - 2 * mx * cxy / Math.pow(my, 3) + mx * mx * vy / Math.pow(my, 4)) / n;
    assertThat(TwoSample.ratioVariance(m)).isCloseTo(ref, offset(1e-15));
  }

  @Test
  void ratioWithUnitDenominatorsIsTheMeanTest() {
    SplittableRandom r = new SplittableRandom(3);
    double[] xc = new double[500];
    double[] xt = new double[400];
    double[] ones = new double[500];
    Arrays.fill(ones, 1);
    for (int i = 0; i < xc.length; i++) {
      xc[i] = r.nextGaussian();
    }
    for (int i = 0; i < xt.length; i++) {
      xt[i] = 0.2 + r.nextGaussian();
    }
    Comparison ratio =
        TwoSample.ratio(
            "c",
            BivariateMoments.of(xc, ones),
            "t",
            BivariateMoments.of(xt, Arrays.copyOf(ones, 400)),
            0.05);
    Comparison welch = TwoSample.welch("c", Moments.of(xc), "t", Moments.of(xt), 0.05);
    assertThat(ratio.absolute().value()).isCloseTo(welch.absolute().value(), offset(1e-12));
    assertThat(ratio.absolute().standardError())
        .isCloseTo(welch.absolute().standardError(), offset(1e-12));
  }

  @Test
  void cupedUsesTheOlsSlopeAndCutsVariance() {
    SplittableRandom r = new SplittableRandom(9);
    BivariateMoments c = new BivariateMoments();
    BivariateMoments t = new BivariateMoments();
    double sxy = 0;
    double sxx = 0;
    double sx = 0;
    double sy = 0;
    int n = 20_000;
    double rho = 0.8;
    double[] ys = new double[n];
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      double x = r.nextGaussian();
      double y = 5 + rho * x + Math.sqrt(1 - rho * rho) * r.nextGaussian();
      xs[i] = x;
      ys[i] = y;
      (i % 2 == 0 ? c : t).add(y, x);
      sx += x;
      sy += y;
    }
    double mx = sx / n;
    double my = sy / n;
    for (int i = 0; i < n; i++) {
      sxy += (xs[i] - mx) * (ys[i] - my);
      sxx += (xs[i] - mx) * (xs[i] - mx);
    }
    CupedResult res = TwoSample.cuped("c", c, "t", t, 0.05);
    assertThat(res.theta()).isCloseTo(sxy / sxx, offset(1e-9));
    assertThat(res.varianceReduction()).isCloseTo(rho * rho, offset(0.02));
    assertThat(res.adjusted().method()).isEqualTo("cuped-welch-t");
  }

  @Test
  void cupedWithUselessCovariateChangesNothingMuch() {
    SplittableRandom r = new SplittableRandom(10);
    BivariateMoments c = new BivariateMoments();
    BivariateMoments t = new BivariateMoments();
    for (int i = 0; i < 10_000; i++) {
      (i % 2 == 0 ? c : t).add(r.nextGaussian(), r.nextGaussian());
    }
    CupedResult res = TwoSample.cuped("c", c, "t", t, 0.05);
    assertThat(res.varianceReduction()).isBetween(-0.01, 0.01);
  }

  @Test
  void proportionByHand() {
    // 500/10000 vs 560/10000: diff 0.006, se sqrt(.05*.95/1e4 + .056*.944/1e4)
    Comparison c = TwoSample.proportions("c", 500, 10_000, "t", 560, 10_000, 0.05, false);
    double se = Math.sqrt(0.05 * 0.95 / 1e4 + 0.056 * 0.944 / 1e4);
    assertThat(c.absolute().value()).isCloseTo(0.006, offset(1e-15));
    assertThat(c.absolute().standardError()).isCloseTo(se, offset(1e-15));
    assertThat(c.test().statistic()).isCloseTo(0.006 / se, offset(1e-12));
    assertThat(c.relative().value()).isCloseTo(0.12, offset(1e-12));
  }

  @Test
  void tooFewUnitsIsAClearError() {
    assertThatThrownBy(() -> TwoSample.welch("c", Moments.of(1), "t", Moments.of(1, 2), 0.05))
        .hasMessageContaining("arm 'c' has 1 units");
  }

  @Test
  void noRelativeEffectWhenTheControlIsNotPositive() {
    // control mean -10, treatment mean -8: treatment is higher (+2), but t/c - 1 = -20%
    Comparison neg =
        TwoSample.welch("c", Moments.of(-11, -10, -9), "t", Moments.of(-9, -8, -7), 0.05);
    assertThat(neg.absolute().value()).isCloseTo(2, offset(1e-12));
    assertThat(neg.relative()).isNull();
    Comparison zero = TwoSample.proportions("c", 0, 100, "t", 5, 100, 0.05, false);
    assertThat(zero.absolute().value()).isCloseTo(0.05, offset(1e-15));
    assertThat(zero.relative()).isNull();
    Comparison pos = TwoSample.welch("c", Moments.of(9, 10, 11), "t", Moments.of(11, 12, 13), 0.05);
    assertThat(pos.relative().value()).isCloseTo(0.2, offset(1e-12));
  }
}
