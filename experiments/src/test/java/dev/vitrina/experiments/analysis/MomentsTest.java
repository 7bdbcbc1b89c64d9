package dev.vitrina.experiments.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MomentsTest {

  @Test
  void mergeEqualsOnePass() {
    SplittableRandom r = new SplittableRandom(5);
    Moments all = new Moments();
    Moments a = new Moments();
    Moments b = new Moments();
    BivariateMoments ball = new BivariateMoments();
    BivariateMoments ba = new BivariateMoments();
    BivariateMoments bb = new BivariateMoments();
    for (int i = 0; i < 1000; i++) {
      double x = 1e6 + r.nextGaussian();
      double y = x * 0.5 + r.nextGaussian();
      all.add(x);
      ball.add(x, y);
      (i < 300 ? a : b).add(x);
      (i < 300 ? ba : bb).add(x, y);
    }
    a.merge(b);
    ba.merge(bb);
    assertThat(a.count()).isEqualTo(1000);
    assertThat(a.mean()).isCloseTo(all.mean(), offset(1e-9));
    assertThat(a.variance()).isCloseTo(all.variance(), offset(1e-9));
    assertThat(ba.covariance()).isCloseTo(ball.covariance(), offset(1e-9));
    assertThat(ba.varianceY()).isCloseTo(ball.varianceY(), offset(1e-9));
  }

  @Test
  void smallExampleByHand() {
    Moments m = Moments.of(1, 2, 3, 4);
    assertThat(m.mean()).isEqualTo(2.5);
    assertThat(m.variance()).isCloseTo(5.0 / 3, offset(1e-15));
    assertThat(m.varianceOfMean()).isCloseTo(5.0 / 12, offset(1e-15));
  }
}
