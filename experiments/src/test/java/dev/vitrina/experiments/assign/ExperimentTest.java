package dev.vitrina.experiments.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class ExperimentTest {

  private static final int N = 1_000_000;

  private static long[] counts(Experiment e, int n) {
    Experiment.Assigner a = e.assigner();
    long[] c = new long[e.variants().size() + 1];
    for (int i = 0; i < n; i++) {
      int v = a.variantIndexOrMinusOne("user-" + i);
      c[v < 0 ? c.length - 1 : v]++;
    }
    return c;
  }

  @Test
  void seventyThirtySplitWithinToleranceOnAMillionIds() {
    Experiment e = Experiment.of("ranker", Experiment.parseVariants("70/30"));
    long[] c = counts(e, N);
    // 5 standard errors of a share: 5 * sqrt(0.21 / 1e6) = 0.0023
    assertThat((double) c[0] / N).isCloseTo(0.7, offset(0.0023));
    assertThat((double) c[1] / N).isCloseTo(0.3, offset(0.0023));
    assertThat(c[2]).isZero();
    double p =
        ChiSquareTest.withDefaults()
            .test(new double[] {0.7, 0.3}, new long[] {c[0], c[1]})
            .getPValue();
    assertThat(p).as("chi-square against 70/30").isGreaterThan(1e-4);
  }

  @Test
  void threeWaySplitAndCoverage() {
    Experiment e = new Experiment("x", "x/1", Experiment.parseVariants("a:50,b:25,c:25"), 0.2);
    long[] c = counts(e, N);
    double in = (double) (c[0] + c[1] + c[2]) / N;
    assertThat(in).isCloseTo(0.2, offset(0.002));
    long inside = c[0] + c[1] + c[2];
    double p =
        ChiSquareTest.withDefaults()
            .test(new double[] {0.5, 0.25, 0.25}, new long[] {c[0], c[1], c[2]})
            .getPValue();
    assertThat(p).isGreaterThan(1e-4);
    assertThat(inside).isEqualTo(N - c[3]);
  }

  @Test
  void sameIdAlwaysGetsTheSameVariant() {
    Experiment e = Experiment.of("stable", Experiment.parseVariants("50/25/25"));
    for (int i = 0; i < 10_000; i++) {
      String id = "u" + i;
      Assignment first = e.assign(id);
      // a fresh assigner, a config rebuilt from scratch: same answer
      Experiment copy = new Experiment("stable", "stable", Experiment.parseVariants("50/25/25"), 1);
      assertThat(copy.assigner().assign(id)).isEqualTo(first);
      assertThat(e.assign(id)).isEqualTo(first);
    }
  }

  @Test
  void differentSaltsAreIndependent() {
    Experiment a = new Experiment("a", "salt-a", Experiment.parseVariants("50/50"), 1);
    Experiment b = new Experiment("b", "salt-b", Experiment.parseVariants("30/30/40"), 1);
    Experiment.Assigner aa = a.assigner();
    Experiment.Assigner ba = b.assigner();
    long[][] table = new long[2][3];
    for (int i = 0; i < 200_000; i++) {
      String id = "user-" + i;
      table[aa.variantIndexOrMinusOne(id)][ba.variantIndexOrMinusOne(id)]++;
    }
    double p = ChiSquareTest.withDefaults().test(table).getPValue();
    assertThat(p).as("chi-square independence of the cross table").isGreaterThan(1e-3);
  }

  @Test
  void raisingCoverageKeepsEveryoneInTheirVariant() {
    List<Variant> v = Experiment.parseVariants("70/30");
    Experiment small = new Experiment("r", "r", v, 0.1);
    Experiment big = new Experiment("r", "r", v, 0.6);
    int entered = 0;
    for (int i = 0; i < 100_000; i++) {
      Assignment s = small.assign("u" + i);
      Assignment b = big.assign("u" + i);
      if (s.assigned()) {
        assertThat(b.variant()).isEqualTo(s.variant());
      } else if (b.assigned()) {
        entered++;
      }
    }
    assertThat(entered).isBetween(49_000, 51_000);
  }

  @Test
  void notCoveredHasNoVariant() {
    Experiment e = new Experiment("c", "c", Experiment.parseVariants("50/50"), 0.01);
    Assignment a = null;
    for (int i = 0; i < 1000; i++) {
      a = e.assign("u" + i);
      if (!a.assigned()) {
        break;
      }
    }
    assertThat(a.status()).isEqualTo(Assignment.Status.NOT_COVERED);
    assertThat(a.variant()).isNull();
  }

  @Test
  void fullCoverageLeavesNoGapBelowOne() {
    // six equal weights: the normalized weights sum to 0.9999999999999999 in doubles
    Experiment e = new Experiment("six", "six", Experiment.parseVariants("1/1/1/1/1/1"), 1.0);
    double[][] r = e.ranges();
    assertThat(r[5][1]).isEqualTo(1.0);
    for (int i = 1; i < r.length; i++) {
      assertThat(r[i][0]).isEqualTo(r[i - 1][1]);
    }
    // the largest bucket value, (2^53 - 1) / 2^53, is in the last variant
    double top = Math.nextDown(1.0);
    assertThat(top >= r[5][0] && top < r[5][1]).isTrue();
  }

  @Test
  void validationMessagesNameTheProblem() {
    assertThatThrownBy(() -> Experiment.parseVariants("70/x"))
        .hasMessageContaining("weight 'x'")
        .hasMessageContaining("70/30");
    assertThatThrownBy(() -> new Variant("a", 0)).hasMessageContaining("weight of variant 'a'");
    assertThatThrownBy(() -> new Experiment("e", "e", Experiment.parseVariants("a:1,a:2"), 1))
        .hasMessageContaining("'a' repeats");
    assertThatThrownBy(() -> new Experiment("e", "e", Experiment.parseVariants("1/1"), 1.5))
        .hasMessageContaining("coverage of experiment 'e'")
        .hasMessageContaining("1.5");
    assertThatThrownBy(() -> new Experiment("e", "e", List.of(new Variant("a", 1)), 1))
        .hasMessageContaining("at least two variants");
  }
}
