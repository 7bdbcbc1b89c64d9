package dev.vitrina.recs.ease;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.UserItemMatrix;
import dev.vitrina.recs.internal.Parallel;
import dev.vitrina.recs.model.BaseRecommender;
import dev.vitrina.recs.model.Trainer;
import java.util.Map;

/**
 * Fits EASE in closed form (Steck 2019, eq. 8): {@code P = (X'X + lambda I)^-1}, {@code B_ij =
 * -P_ij / P_jj} for {@code i != j} and {@code B_ii = 0}. Time {@code O(sum_u n_u^2 + items^3)},
 * memory {@code 12 items^2} bytes. Catalogues above {@link EaseConfig#maxItems()}, or too large for
 * the heap, are refused before any allocation with a message giving the limit and the alternatives.
 */
public final class EaseTrainer implements Trainer<EaseModel> {

  private final EaseConfig config;

  /** A trainer with the given parameters. */
  public EaseTrainer(EaseConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "ease";
  }

  @Override
  public Map<String, Object> parameters() {
    return config.toParams();
  }

  @Override
  public EaseModel fit(Interactions data, Progress progress) {
    Trainer.requireRows(data, name());
    int n = data.numItems();
    checkSize(n);
    UserItemMatrix m = data.toMatrix(config.transform());
    UserItemMatrix mt = m.transpose();
    double[] g = new double[n * n];
    // Gram matrix row by row: G[i, :] = sum over users of i of x_ui x_u
    Parallel.forRange(
        n,
        16,
        config.threads(),
        (w, from, to) -> {
          int[] uptr = m.indptr();
          int[] uidx = m.indices();
          float[] udat = m.data();
          for (int i = from; i < to; i++) {
            int rowBase = i * n;
            for (int p = mt.indptr()[i]; p < mt.indptr()[i + 1]; p++) {
              int u = mt.indices()[p];
              double wi = mt.data()[p];
              for (int q = uptr[u]; q < uptr[u + 1]; q++) {
                g[rowBase + uidx[q]] += wi * udat[q];
              }
            }
            g[rowBase + i] += config.lambda();
          }
        });
    progress.step(1);
    invertSpd(g, n, config.threads());
    progress.step(1);
    float[] b = new float[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        b[i * n + j] = i == j ? 0f : (float) (-g[i * n + j] / g[j * n + j]);
      }
    }
    BaseRecommender.Common common = BaseRecommender.Common.of(data, m, config.toParams());
    return new EaseModel(common, b);
  }

  private void checkSize(int n) {
    long cells = (long) n * n;
    long need = cells * 12;
    Runtime rt = Runtime.getRuntime();
    long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (n > config.maxItems() || need > available * 0.9) {
      throw new IllegalArgumentException(
          "EASE needs two dense items x items matrices: "
              + n
              + " items need about "
              + mib(need)
              + " MiB (12 bytes per cell) and O(items^3) time to invert; the limit is max_items="
              + config.maxItems()
              + " items and this JVM has about "
              + mib(available)
              + " MiB free. Use ials (memory linear in users + items) or itemknn (sparse"
              + " neighbours) for this catalogue, or keep only the most popular items");
    }
  }

  private static long mib(long bytes) {
    return bytes >> 20;
  }

  /**
   * Inverts a symmetric positive-definite matrix in place by blocked Gauss-Jordan elimination
   * without pivoting (stable for SPD matrices). Pivots are taken in blocks of 32: the block's rows
   * are eliminated first, then every other row gets one rank-32 update (the Schur complement), so
   * the matrix streams through memory {@code n / 32} times instead of {@code n}. Rows are split
   * across threads. {@code O(n^3)} time, no extra memory beyond {@code O(32 n)}.
   */
  static void invertSpd(double[] a, int n, int threads) {
    final int bs = 32;
    double[] block = new double[bs * n];
    for (int k0 = 0; k0 < n; k0 += bs) {
      final int blockStart = k0;
      final int k1 = Math.min(n, k0 + bs);
      final int b = k1 - k0;
      // eliminate the block's pivots within the block's rows
      for (int k = k0; k < k1; k++) {
        double piv = a[k * n + k];
        if (!(piv > 0)) {
          throw new ArithmeticException(
              "Gram matrix is not positive definite at item " + k + "; raise lambda");
        }
        double inv = 1.0 / piv;
        a[k * n + k] = 1.0;
        int kb = k * n;
        for (int j = 0; j < n; j++) {
          a[kb + j] *= inv;
        }
        for (int i = k0; i < k1; i++) {
          if (i == k) {
            continue;
          }
          int rb = i * n;
          double fct = a[rb + k];
          if (fct != 0.0) {
            a[rb + k] = 0.0;
            for (int j = 0; j < n; j++) {
              a[rb + j] -= fct * a[kb + j];
            }
          }
        }
      }
      System.arraycopy(a, k0 * n, block, 0, b * n);
      // rank-b update of every other row: row_i -= A_iK * rows_K, with A_iK zeroed first
      Parallel.forRange(
          n,
          16,
          threads,
          (w, from, to) -> {
            double[] f = new double[bs];
            for (int i = from; i < to; i++) {
              if (i >= blockStart && i < k1) {
                continue;
              }
              int rb = i * n;
              for (int t = 0; t < b; t++) {
                f[t] = a[rb + blockStart + t];
                a[rb + blockStart + t] = 0.0;
              }
              int t = 0;
              for (; t + 4 <= b; t += 4) {
                double f0 = f[t];
                double f1 = f[t + 1];
                double f2 = f[t + 2];
                double f3 = f[t + 3];
                int o0 = t * n;
                int o1 = o0 + n;
                int o2 = o1 + n;
                int o3 = o2 + n;
                for (int j = 0; j < n; j++) {
                  a[rb + j] -=
                      f0 * block[o0 + j]
                          + f1 * block[o1 + j]
                          + f2 * block[o2 + j]
                          + f3 * block[o3 + j];
                }
              }
              for (; t < b; t++) {
                double ft = f[t];
                int o = t * n;
                for (int j = 0; j < n; j++) {
                  a[rb + j] -= ft * block[o + j];
                }
              }
            }
          });
    }
  }
}
