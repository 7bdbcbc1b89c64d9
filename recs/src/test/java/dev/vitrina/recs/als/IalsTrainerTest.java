package dev.vitrina.recs.als;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.recs.Fixtures;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.UserItemMatrix;
import dev.vitrina.recs.data.ValueTransform;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IalsTrainerTest {

  private final Interactions data = Fixtures.planted(80, 60, 5);
  private final UserItemMatrix m = data.toMatrix(ValueTransform.BINARY);

  /** The implicit-ALS loss of Hu et al. (2008), computed densely in double. */
  static double loss(UserItemMatrix m, float[] x, float[] y, int f, double alpha, double lambda) {
    double l = 0;
    for (int u = 0; u < m.rows(); u++) {
      for (int i = 0; i < m.cols(); i++) {
        double pred = 0;
        for (int d = 0; d < f; d++) {
          pred += (double) x[u * f + d] * y[i * f + d];
        }
        double c = 1;
        double p = 0;
        for (int q = m.indptr()[u]; q < m.indptr()[u + 1]; q++) {
          if (m.indices()[q] == i) {
            c = 1 + alpha * m.data()[q];
            p = 1;
          }
        }
        l += c * (p - pred) * (p - pred);
      }
    }
    double reg = 0;
    for (float v : x) {
      reg += v * v;
    }
    for (float v : y) {
      reg += v * v;
    }
    return l + lambda * reg;
  }

  @Test
  void exactSolverLowersTheLossEverySweep() {
    IalsConfig c =
        IalsConfig.defaults()
            .withFactors(8)
            .withAlpha(5)
            .withRegularization(0.5)
            .withSolver(IalsConfig.Solver.CHOLESKY);
    List<Double> losses = new ArrayList<>();
    for (int it = 1; it <= 4; it++) {
      float[][] xy =
          new IalsTrainer(c.withIterations(it)).factorize(m, Progress.silent(), (i, s) -> {});
      losses.add(loss(m, xy[0], xy[1], 8, 5, 0.5));
    }
    for (int i = 1; i < losses.size(); i++) {
      assertThat(losses.get(i))
          .as("losses %s", losses)
          .isLessThanOrEqualTo(losses.get(i - 1) * (1 + 1e-6));
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(doubles = {0, 0.5, 1})
  void conjugateGradientWithEnoughStepsMatchesTheExactSolve(double regExponent) {
    int f = 8;
    IalsConfig base =
        IalsConfig.defaults()
            .withFactors(f)
            .withAlpha(3)
            .withRegularization(1)
            .withRegExponent(regExponent)
            .withIterations(3);
    float[][] exact =
        new IalsTrainer(base.withSolver(IalsConfig.Solver.CHOLESKY))
            .factorize(m, Progress.silent(), (i, s) -> {});
    float[][] cg =
        new IalsTrainer(base.withCgSteps(40)).factorize(m, Progress.silent(), (i, s) -> {});
    for (int side = 0; side < 2; side++) {
      for (int i = 0; i < exact[side].length; i++) {
        assertThat((double) cg[side][i])
            .as("side %d entry %d", side, i)
            .isCloseTo(
                exact[side][i],
                org.assertj.core.data.Offset.offset(2e-3 * (1 + Math.abs(exact[side][i]))));
      }
    }
  }

  @Test
  void threeCgStepsGetCloseToTheExactLoss() {
    int f = 8;
    IalsConfig base =
        IalsConfig.defaults()
            .withFactors(f)
            .withAlpha(5)
            .withRegularization(0.5)
            .withIterations(10);
    float[][] exact =
        new IalsTrainer(base.withSolver(IalsConfig.Solver.CHOLESKY))
            .factorize(m, Progress.silent(), (i, s) -> {});
    float[][] cg = new IalsTrainer(base).factorize(m, Progress.silent(), (i, s) -> {});
    double le = loss(m, exact[0], exact[1], f, 5, 0.5);
    double lc = loss(m, cg[0], cg[1], f, 5, 0.5);
    assertThat(lc).isLessThan(le * 1.05);
  }

  @Test
  void frequencyScaledRegularizationShrinksHeavyRowsMore() {
    IalsConfig base =
        IalsConfig.defaults()
            .withFactors(8)
            .withAlpha(3)
            .withRegularization(0.5)
            .withIterations(3)
            .withSolver(IalsConfig.Solver.CHOLESKY);
    float[][] plain = new IalsTrainer(base).factorize(m, Progress.silent(), (i, s) -> {});
    float[][] scaled =
        new IalsTrainer(base.withRegExponent(1)).factorize(m, Progress.silent(), (i, s) -> {});
    double normPlain = 0;
    double normScaled = 0;
    for (int i = 0; i < plain[0].length; i++) {
      normPlain += plain[0][i] * plain[0][i];
      normScaled += scaled[0][i] * scaled[0][i];
    }
    // lambda * n^1 >= lambda for every row with interactions: user factors shrink overall
    assertThat(normScaled).isLessThan(normPlain);
    assertThat(IalsConfig.fromParams(java.util.Map.of("reg_exponent", "1")).regExponent())
        .isEqualTo(1.0);
  }

  @Test
  void usersWithoutInteractionsGetZeroFactors() {
    IalsModel model =
        new IalsTrainer(IalsConfig.defaults().withFactors(4).withIterations(2)).fit(data);
    int cold = data.users().require("cold", "user");
    assertThat(model.userFactors(cold)).containsOnly(0f);
    assertThat(model.factors()).isEqualTo(4);
  }

  @Test
  void packedDotAllAgreesWithTheItemVectors() {
    IalsModel model =
        new IalsTrainer(IalsConfig.defaults().withFactors(5).withIterations(2)).fit(data);
    int items = model.numItems();
    float[][] q = new float[6][5]; // 6 queries: one full group of four and a partial one
    for (int a = 0; a < q.length; a++) {
      for (int t = 0; t < 5; t++) {
        q[a][t] = (a + 1) * 0.3f - t * 0.2f;
      }
    }
    float[][] packed = new float[q.length][items];
    model.dotAll(q, packed);
    float[] v = new float[5];
    for (int i = 0; i < items; i++) {
      model.itemVector(i, v);
      for (int a = 0; a < q.length; a++) {
        double want = 0;
        for (int t = 0; t < 5; t++) {
          want += (double) q[a][t] * v[t];
        }
        assertThat((double) packed[a][i])
            .as("query %d item %d", a, i)
            .isCloseTo(want, org.assertj.core.api.Assertions.within(1e-5));
      }
    }
  }

  @Test
  void oneFusedPassGivesTheScoresAndTheDotsOfSeparatePasses() {
    IalsModel model =
        new IalsTrainer(IalsConfig.defaults().withFactors(5).withIterations(2)).fit(data);
    int items = model.numItems();
    float[][] q = {{1, 0, 0, 0, 0}, {0, 1, 0, 0, 1}, {0.5f, 0, 2, 0, 0}, {0, 0, 0, 1, 0}};
    for (int u = 0; u < model.users().size(); u++) {
      var ctx = new dev.vitrina.recs.model.RequestContext(u, null, null, -1, null);
      float[] alone = new float[items];
      boolean scored = model.scoreAll(ctx, alone);
      float[][] dotsAlone = new float[q.length][items];
      model.dotAll(q, dotsAlone);
      float[] fused = new float[items];
      float[][] dots = new float[q.length][items];
      assertThat(model.scoreAll(ctx, fused, q, dots)).isEqualTo(scored);
      if (scored) {
        assertThat(fused).containsExactly(alone);
      }
      for (int a = 0; a < q.length; a++) {
        assertThat(dots[a]).as("user %d query %d", u, a).containsExactly(dotsAlone[a]);
      }
    }
  }
}
