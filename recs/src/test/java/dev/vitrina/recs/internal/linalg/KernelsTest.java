package dev.vitrina.recs.internal.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Vector API kernels against the scalar reference, with a relative tolerance. */
class KernelsTest {

  private static final Kernels V = Kernels.get();
  private static final Kernels S = Kernels.scalar();

  private static float[] random(SplittableRandom rnd, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (rnd.nextDouble() * 2 - 1);
    }
    return a;
  }

  private static void close(float actual, float expected, long seed) {
    assertThat((double) actual)
        .as("seed %d", seed)
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5 * (1 + Math.abs(expected))));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 8, 15, 16, 33, 64, 100})
  void vectorKernelsAgreeWithScalar(int f) {
    long seed = 1000 + f;
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] a = random(rnd, f + 3);
    float[] b = random(rnd, f + 5);
    close(V.dot(a, 3, b, 5, f), S.dot(a, 3, b, 5, f), seed);
    float[] y1 = random(rnd, f);
    float[] y2 = y1.clone();
    V.axpy(0.7f, a, 0, y1, 0, f);
    S.axpy(0.7f, a, 0, y2, 0, f);
    for (int i = 0; i < f; i++) {
      close(y1[i], y2[i], seed);
    }
    float[] g = random(rnd, f * f);
    float[] v = random(rnd, f);
    float[] o1 = new float[f];
    float[] o2 = new float[f];
    V.matVec(g, v, o1, f);
    S.matVec(g, v, o2, f);
    for (int i = 0; i < f; i++) {
      close(o1[i], o2[i], seed);
    }
    int rows = 9;
    float[] y = random(rnd, rows * f);
    int[] idx = {4, 1, 8, 0};
    float[] cm1 = {0.5f, 2f, 10f, 1f};
    for (boolean residual : new boolean[] {false, true}) {
      float[] r1 = random(new SplittableRandom(seed), f);
      float[] r2 = r1.clone();
      V.weightedProjections(y, f, idx, cm1, 0, 4, v, r1, residual);
      S.weightedProjections(y, f, idx, cm1, 0, 4, v, r2, residual);
      for (int i = 0; i < f; i++) {
        close(r1[i], r2[i], seed);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 16, 64})
  void panelScoresAreDotProducts(int f) {
    for (Kernels k : new Kernels[] {V, S}) {
      int w = k.panelWidth();
      SplittableRandom rnd = new SplittableRandom(f);
      float[] x = random(rnd, 4 * f);
      float[] items = random(rnd, w * f);
      float[] panel = new float[w * f];
      for (int j = 0; j < w; j++) {
        for (int d = 0; d < f; d++) {
          panel[d * w + j] = items[j * f + d];
        }
      }
      float[] out = new float[4 * w];
      k.scorePanel4(x, 0, f, 2 * f, 3 * f, panel, 0, f, out);
      for (int r = 0; r < 4; r++) {
        for (int j = 0; j < w; j++) {
          close(out[r * w + j], S.dot(x, r * f, items, j * f, f), f);
        }
      }
    }
  }

  /** Symmetric products and long weighted sums against a double-precision reference. */
  @ParameterizedTest
  @ValueSource(ints = {1, 5, 8, 24, 64, 72, 100, 130})
  void symmetricProductsAndLongProjectionsMatchADoubleReference(int f) {
    long seed = 77 + f;
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] g = random(rnd, f * f);
    for (int i = 0; i < f; i++) {
      for (int j = 0; j < i; j++) {
        g[i * f + j] = g[j * f + i];
      }
    }
    float[] v = random(rnd, f);
    int rows = 50;
    float[] y = random(rnd, rows * f);
    int n = 37;
    int[] idx = new int[n + 3];
    float[] cm1 = new float[n + 3];
    for (int p = 0; p < idx.length; p++) {
      idx[p] = rnd.nextInt(rows);
      cm1[p] = (float) (rnd.nextDouble() * 5);
    }
    for (Kernels k : new Kernels[] {V, S}) {
      float[] out = new float[f];
      k.symMatVec(g, v, out, f);
      for (int i = 0; i < f; i++) {
        double e = 0;
        for (int d = 0; d < f; d++) {
          e += (double) g[i * f + d] * v[d];
        }
        assertThat((double) out[i])
            .as("%s seed %d row %d", k.name(), seed, i)
            .isCloseTo(e, org.assertj.core.data.Offset.offset(1e-4 * (1 + Math.abs(e))));
      }
      for (boolean residual : new boolean[] {false, true}) {
        float[] start = random(new SplittableRandom(seed), f);
        float[] got = start.clone();
        float[] scratch = new float[n];
        k.weightedProjections(y, f, idx, cm1, 2, 2 + n, v, got, residual, scratch);
        for (int i = 0; i < f; i++) {
          double e = start[i];
          for (int p = 2; p < 2 + n; p++) {
            double d = 0;
            for (int j = 0; j < f; j++) {
              d += (double) y[idx[p] * f + j] * v[j];
            }
            double w = residual ? (1 + cm1[p]) - cm1[p] * d : cm1[p] * d;
            e += w * y[idx[p] * f + i];
          }
          assertThat((double) got[i])
              .as("%s seed %d residual %s element %d", k.name(), seed, residual, i)
              .isCloseTo(e, org.assertj.core.data.Offset.offset(1e-3 * (1 + Math.abs(e))));
        }
      }
    }
  }

  @org.junit.jupiter.api.Test
  void horizontalSumsDoNotDependOnWarmUp() {
    // the same dot product computed cold and after JIT warm-up must be bit-identical
    SplittableRandom rnd = new SplittableRandom(5);
    float[] a = random(rnd, 64);
    float[] b = random(rnd, 64);
    float first = V.dot(a, 0, b, 0, 64);
    float last = first;
    for (int i = 0; i < 200_000; i++) {
      last = V.dot(a, 0, b, 0, 64);
    }
    assertThat(Float.floatToIntBits(last)).isEqualTo(Float.floatToIntBits(first));
  }
}
