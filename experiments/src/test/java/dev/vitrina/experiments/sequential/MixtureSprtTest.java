package dev.vitrina.experiments.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.vitrina.experiments.stats.Interval;
import org.junit.jupiter.api.Test;

class MixtureSprtTest {

  @Test
  void optimalRatioMinimizesTheWidth() {
    double r = MixtureSprt.optimalRatio(0.05);
    double c = 2 * Math.log(20);
    double best = Double.MAX_VALUE;
    double arg = 0;
    for (double x = 0.5; x < 50; x += 0.001) {
      double w = (1 + 1 / x) * (c + Math.log1p(x));
      if (w < best) {
        best = w;
        arg = x;
      }
    }
    assertThat(r).isCloseTo(arg, offset(0.01));
    // half-width at the horizon in standard errors
    Interval cs = MixtureSprt.confidenceSequence(0, 1, r, 0.05);
    assertThat(cs.high()).isCloseTo(Math.sqrt(best), offset(1e-6)).isBetween(3.0, 3.1);
  }

  @Test
  void testAndSequenceAgree() {
    double v = 2.0;
    double tau2 = 10.0;
    Interval cs = MixtureSprt.confidenceSequence(0, v, tau2, 0.05);
    // at the boundary of the sequence around 0, the p-value equals alpha
    assertThat(MixtureSprt.pValue(cs.high(), v, tau2)).isCloseTo(0.05, offset(1e-12));
    assertThat(MixtureSprt.pValue(cs.high() * 0.99, v, tau2)).isGreaterThan(0.05);
    assertThat(MixtureSprt.pValue(cs.high() * 1.01, v, tau2)).isLessThan(0.05);
  }

  @Test
  void likelihoodRatioByHand() {
    // V = 1, tau^2 = 3, estimate 2: ln L = 0.5 ln(1/4) + 3*4/(2*1*4) = -0.693147 + 1.5
    assertThat(MixtureSprt.logLikelihoodRatio(2, 1, 3))
        .isCloseTo(0.5 * Math.log(0.25) + 1.5, offset(1e-15));
  }

  @Test
  void monitorIsMonotone() {
    SequentialMonitor m = new SequentialMonitor(0.05, 1.0);
    double prevP = 1;
    double prevWidth = Double.POSITIVE_INFINITY;
    double[] est = {0.5, -0.2, 0.9, 0.1, 0.3};
    for (int i = 0; i < est.length; i++) {
      SequentialLook l = m.look(est[i], 1.0 / (i + 1));
      assertThat(l.pValue()).isLessThanOrEqualTo(prevP);
      double w = l.confidenceSequence().high() - l.confidenceSequence().low();
      assertThat(w).isLessThanOrEqualTo(prevWidth);
      prevP = l.pValue();
      prevWidth = w;
      assertThat(l.look()).isEqualTo(i + 1);
    }
  }
}
