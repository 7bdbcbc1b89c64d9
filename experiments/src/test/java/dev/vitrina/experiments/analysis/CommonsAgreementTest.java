package dev.vitrina.experiments.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.SignificanceResult;
import org.apache.commons.statistics.inference.TTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where Apache Commons Statistics has the same test, the results agree to 1e-9. */
class CommonsAgreementTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void welchEqualsCommonsTTest(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int nc = 5 + r.nextInt(500);
    int nt = 5 + r.nextInt(500);
    double[] c = new double[nc];
    double[] t = new double[nt];
    for (int i = 0; i < nc; i++) {
      c[i] = 10 + 3 * r.nextGaussian();
    }
    for (int i = 0; i < nt; i++) {
      t[i] = 10.4 + 5 * r.nextGaussian();
    }
    Comparison ours = TwoSample.welch("c", Moments.of(c), "t", Moments.of(t), 0.05);
    // Commons tests x - y; ours is treatment - control
    TTest.Result ref = TTest.withDefaults().test(t, c);
    assertThat(ours.test().pValue()).as("seed %d", seed).isCloseTo(ref.getPValue(), offset(1e-9));
    assertThat(ours.test().statistic()).isCloseTo(ref.getStatistic(), offset(1e-9));
    assertThat(ours.test().degreesOfFreedom()).isCloseTo(ref.getDegreesOfFreedom(), offset(1e-9));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14, 15})
  void pooledProportionZSquaredEqualsCommonsChiSquare2x2(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long nc = 1000 + r.nextInt(100_000);
    long nt = 1000 + r.nextInt(100_000);
    long xc = (long) (nc * (0.03 + 0.05 * r.nextDouble()));
    long xt = (long) (nt * (0.03 + 0.05 * r.nextDouble()));
    Comparison ours = TwoSample.proportions("c", xc, nc, "t", xt, nt, 0.05, true);
    SignificanceResult ref =
        ChiSquareTest.withDefaults().test(new long[][] {{xc, nc - xc}, {xt, nt - xt}});
    double z = ours.test().statistic();
    assertThat(z * z).isCloseTo(ref.getStatistic(), offset(1e-9 * Math.max(1, z * z)));
    assertThat(ours.test().pValue()).isCloseTo(ref.getPValue(), offset(1e-9));
  }

  @ParameterizedTest(name = "observed {0}")
  @ValueSource(strings = {"70500,29500", "70000,30000", "69000,31000", "70210,29790"})
  void srmEqualsCommonsGoodnessOfFit(String obs) {
    String[] p = obs.split(",");
    long[] o = {Long.parseLong(p[0]), Long.parseLong(p[1])};
    SrmResult ours = Srm.test(List.of("control", "treatment"), o, new double[] {70, 30});
    SignificanceResult ref = ChiSquareTest.withDefaults().test(new double[] {0.7, 0.3}, o);
    assertThat(ours.chiSquare()).isCloseTo(ref.getStatistic(), offset(1e-9));
    assertThat(ours.pValue()).isCloseTo(ref.getPValue(), offset(1e-9));
  }
}
