package dev.vitrina.experiments.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class MultipleTestingTest {

  private static final double[] P = {0.01, 0.04, 0.03, 0.005};

  @Test
  void holmByHand() {
    // sorted 0.005*4=0.02, 0.01*3=0.03, 0.03*2=0.06, 0.04*1=0.04 -> running max 0.06
    assertThat(MultipleTesting.holm(P))
        .containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, offset(1e-15));
  }

  @Test
  void benjaminiHochbergByHand() {
    // sorted 0.005*4/1=0.02, 0.01*4/2=0.02, 0.03*4/3=0.04, 0.04*4/4=0.04
    assertThat(MultipleTesting.benjaminiHochberg(P))
        .containsExactly(new double[] {0.02, 0.04, 0.04, 0.02}, offset(1e-15));
  }

  @Test
  void adjustedNeverBelowRawAndCappedAtOne() {
    double[] p = {0.9, 0.5, 0.7};
    for (MultipleTesting.Correction c : MultipleTesting.Correction.values()) {
      double[] a = MultipleTesting.adjust(p, c);
      for (int i = 0; i < p.length; i++) {
        assertThat(a[i]).isGreaterThanOrEqualTo(p[i]).isLessThanOrEqualTo(1);
      }
    }
    assertThat(MultipleTesting.holm(p)).containsExactly(1, 1, 1);
  }
}
