package dev.vitrina.recs.ease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.recs.Fixtures;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.UserItemMatrix;
import dev.vitrina.recs.data.ValueTransform;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EaseTrainerTest {

  /** Naive Gauss-Jordan with partial pivoting on an augmented matrix. */
  static double[] naiveInverse(double[] a, int n) {
    double[][] m = new double[n][2 * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = a[i * n + j];
      }
      m[i][n + i] = 1;
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
          p = r;
        }
      }
      double[] t = m[c];
      m[c] = m[p];
      m[p] = t;
      double piv = m[c][c];
      for (int j = 0; j < 2 * n; j++) {
        m[c][j] /= piv;
      }
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double fct = m[r][c];
          for (int j = 0; j < 2 * n; j++) {
            m[r][j] -= fct * m[c][j];
          }
        }
      }
    }
    double[] inv = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        inv[i * n + j] = m[i][n + j];
      }
    }
    return inv;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 31, 32, 33, 70})
  void blockedInverseMatchesNaiveInverse(int n) {
    SplittableRandom rnd = new SplittableRandom(n);
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double v = rnd.nextDouble();
        a[i * n + j] = v;
        a[j * n + i] = v;
      }
      a[i * n + i] += n;
    }
    double[] expected = naiveInverse(a, n);
    EaseTrainer.invertSpd(a, n, 2);
    for (int i = 0; i < n * n; i++) {
      assertThat(a[i])
          .as("n=%d cell %d", n, i)
          .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-10));
    }
  }

  @Test
  void weightsFollowSteckClosedForm() {
    Interactions data = Fixtures.planted(40, 24, 3);
    double lambda = 7;
    EaseModel model = new EaseTrainer(EaseConfig.defaults().withLambda(lambda)).fit(data);
    UserItemMatrix x = data.toMatrix(ValueTransform.BINARY);
    int n = data.numItems();
    double[] g = new double[n * n];
    for (int u = 0; u < x.rows(); u++) {
      int[] row = x.row(u);
      for (int i : row) {
        for (int j : row) {
          g[i * n + j] += 1;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      g[i * n + i] += lambda;
    }
    double[] p = naiveInverse(g, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double expected = i == j ? 0 : -p[i * n + j] / p[j * n + j];
        assertThat((double) model.weight(i, j))
            .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5));
      }
    }
  }

  @Test
  void refusesCataloguesAboveTheLimitAndSaysWhatToUse() {
    Interactions data = Fixtures.planted(20, 24, 3);
    assertThatThrownBy(() -> new EaseTrainer(EaseConfig.defaults().withMaxItems(10)).fit(data))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("24 items")
        .hasMessageContaining("max_items=10")
        .hasMessageContaining("Use ials");
  }

  @org.junit.jupiter.api.Test
  void maxItemsAboveTheArrayLimitIsRefusedWithTheAlternatives() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> EaseConfig.defaults().withMaxItems(EaseConfig.MAX_ITEMS_LIMIT + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("46340")
        .hasMessageContaining("ials");
    org.assertj.core.api.Assertions.assertThat(
            EaseConfig.defaults().withMaxItems(EaseConfig.MAX_ITEMS_LIMIT).maxItems())
        .isEqualTo(46_340);
  }
}
