package dev.vitrina.recs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MetricSummaryTest {

  @Test
  void quantilesAndMeanAreExactOnAKnownSample() {
    double[] v = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Double.NaN};
    MetricSummary s = MetricSummary.of(v, 0, 0.95, 1);
    assertThat(s.users()).isEqualTo(11);
    assertThat(s.mean()).isCloseTo(5.0, within(1e-12));
    assertThat(s.median()).isCloseTo(5.0, within(1e-12));
    assertThat(s.p10()).isCloseTo(1.0, within(1e-12));
    assertThat(s.p75()).isCloseTo(7.5, within(1e-12));
    assertThat(s.ciLow()).isEqualTo(s.mean());
  }

  @Test
  void bootstrapIntervalCoversTheMeanWithTheExpectedWidth() {
    SplittableRandom rnd = new SplittableRandom(11);
    double[] v = new double[2000];
    for (int i = 0; i < v.length; i++) {
      v[i] = rnd.nextDouble();
    }
    MetricSummary s = MetricSummary.of(v, 1000, 0.95, 3);
    assertThat(s.ciLow()).isLessThan(s.mean());
    assertThat(s.ciHigh()).isGreaterThan(s.mean());
    // standard error of a U(0,1) mean: sqrt(1/12/2000) = 0.00645; 95% width ~ 0.0253
    assertThat(s.ciHigh() - s.ciLow()).isCloseTo(0.0253, within(0.004));
    assertThat(MetricSummary.of(v, 1000, 0.95, 3)).isEqualTo(s);
  }
}
