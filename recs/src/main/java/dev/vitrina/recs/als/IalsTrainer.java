package dev.vitrina.recs.als;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.UserItemMatrix;
import dev.vitrina.recs.internal.Parallel;
import dev.vitrina.recs.internal.linalg.Kernels;
import dev.vitrina.recs.model.BaseRecommender;
import dev.vitrina.recs.model.Trainer;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fits {@link IalsModel}s by alternating least squares on the implicit-feedback loss of Hu, Koren
 * and Volinsky (2008). Each sweep recomputes {@code G = Y'Y + lambda I} once and then solves, for
 * every user in parallel, {@code (G + Y' (C_u - I) Y) x_u = Y' C_u p_u} touching only the user's
 * observed items; then the same for items. With {@link IalsConfig.Solver#CG} each solve is {@code
 * cgSteps} conjugate-gradient steps warm-started from the current factors (Takacs et al. 2011), so
 * a sweep costs {@code O((cgSteps + 1) (nnz f + (users + items) f^2))}; the exact {@link
 * IalsConfig.Solver#CHOLESKY} solve costs {@code O(nnz f^2 + (users + items) f^3)}.
 *
 * <p>Deterministic: factors start from a seeded uniform {@code [0, 0.01)} draw per row, and rows
 * are solved independently, so the thread count does not change the result.
 *
 * <p>With {@link IalsConfig#regExponent()} {@code > 0} a row with {@code n} interactions is
 * regularised by {@code lambda n^e} instead of {@code lambda} (Zhou et al. 2008 for {@code e = 1};
 * Rendle et al. 2021 show that frequency-scaled regularisation matters for iALS).
 *
 * <p>Memory: {@code 4 f (users + items)} bytes of factors plus the matrix and its transpose.
 */
public final class IalsTrainer implements Trainer<IalsModel> {

  /** Receives the wall time of each sweep (for benchmarks and logs). */
  @FunctionalInterface
  public interface IterationListener {
    void iterationDone(int iteration, double seconds);

    /** The wall time of one side of a sweep: all users ({@code users}) or all items. */
    default void sideDone(int iteration, boolean users, double seconds) {}
  }

  private final IalsConfig config;

  /** A trainer with the given parameters. */
  public IalsTrainer(IalsConfig config) {
    this.config = config;
  }

  /** The parameters. */
  public IalsConfig config() {
    return config;
  }

  @Override
  public String name() {
    return "ials";
  }

  @Override
  public Map<String, Object> parameters() {
    return config.toParams();
  }

  @Override
  public IalsModel fit(Interactions data, Progress progress) {
    return fit(data, progress, (i, s) -> {});
  }

  /** Fits, calling {@code listener} after every sweep. */
  public IalsModel fit(Interactions data, Progress progress, IterationListener listener) {
    Trainer.requireRows(data, name());
    UserItemMatrix m = data.toMatrix(config.transform());
    float[][] factors = factorize(m, progress, listener);
    BaseRecommender.Common common = BaseRecommender.Common.of(data, m, config.toParams());
    return new IalsModel(common, config.factors(), factors[0], factors[1]);
  }

  /**
   * Factorises a user-item matrix and returns {@code {userFactors, itemFactors}}, row-major with
   * {@code factors} columns. Rows without entries are zero.
   */
  public float[][] factorize(UserItemMatrix m, Progress progress, IterationListener listener) {
    int f = config.factors();
    UserItemMatrix mt = m.transpose();
    float[] cu = confidence(m.data());
    float[] ci = confidence(mt.data());
    float[] x = init(m.rows(), f, config.seed(), 0);
    float[] y = init(m.cols(), f, config.seed(), 1);
    zeroEmptyRows(x, m, f);
    zeroEmptyRows(y, mt, f);
    for (int it = 0; it < config.iterations(); it++) {
      long t0 = System.nanoTime();
      solveSide(x, y, m, cu, m.cols());
      long t1 = System.nanoTime();
      solveSide(y, x, mt, ci, m.rows());
      long t2 = System.nanoTime();
      listener.sideDone(it, true, (t1 - t0) / 1e9);
      listener.sideDone(it, false, (t2 - t1) / 1e9);
      listener.iterationDone(it, (t2 - t0) / 1e9);
      progress.step(1);
    }
    return new float[][] {x, y};
  }

  private float[] confidence(float[] values) {
    float a = (float) config.alpha();
    float[] c = new float[values.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = a * values[i];
    }
    return c;
  }

  private static float[] init(int rows, int f, long seed, int side) {
    float[] a = new float[rows * f];
    for (int r = 0; r < rows; r++) {
      SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 2L * r + side);
      for (int d = 0; d < f; d++) {
        a[r * f + d] = (float) (rnd.nextDouble() * 0.01);
      }
    }
    return a;
  }

  private static void zeroEmptyRows(float[] a, UserItemMatrix m, int f) {
    for (int r = 0; r < m.rows(); r++) {
      if (m.rowNnz(r) == 0) {
        java.util.Arrays.fill(a, r * f, (r + 1) * f, 0f);
      }
    }
  }

  /** Solves all rows of {@code x} given fixed {@code y} ({@code yRows} rows). */
  private void solveSide(float[] x, float[] y, UserItemMatrix m, float[] cm1, int yRows) {
    int f = config.factors();
    float[] gram = gram(y, yRows, f, config.regularization(), config.threads());
    int threads = config.threads();
    boolean cg = config.solver() == IalsConfig.Solver.CG;
    // one solver per worker thread (their gather buffers grow to the longest row and are reused)
    CgSolver[] cgSolvers = new CgSolver[threads];
    CholeskySolver[] exactSolvers = new CholeskySolver[threads];
    Parallel.forRange(
        m.rows(),
        256,
        threads,
        (w, from, to) -> {
          int[] indptr = m.indptr();
          if (cg) {
            if (cgSolvers[w] == null) {
              cgSolvers[w] = new CgSolver(f, config.cgSteps());
            }
            CgSolver s = cgSolvers[w];
            for (int r = from; r < to; r++) {
              s.solve(x, r, y, gram, indptr, m.indices(), cm1, extra(indptr[r + 1] - indptr[r]));
            }
          } else {
            if (exactSolvers[w] == null) {
              exactSolvers[w] = new CholeskySolver(f);
            }
            CholeskySolver s = exactSolvers[w];
            for (int r = from; r < to; r++) {
              s.solve(x, r, y, gram, indptr, m.indices(), cm1, extra(indptr[r + 1] - indptr[r]));
            }
          }
        });
  }

  /**
   * The regularisation a row with {@code n} interactions gets beyond the {@code lambda} already in
   * the Gram matrix: {@code lambda * (n^regExponent - 1)}, 0 with the default exponent 0.
   */
  private float extra(int n) {
    double e = config.regExponent();
    if (e == 0 || n == 0) {
      return 0f;
    }
    return (float) (config.regularization() * (Math.pow(n, e) - 1));
  }

  /**
   * {@code Y'Y + lambda I} as a row-major {@code f x f} float matrix, accumulated in float over
   * blocks of 1024 rows and in double across blocks.
   */
  static float[] gram(float[] y, int rows, int f, double lambda, int threads) {
    Kernels k = Kernels.get();
    int block = 1024;
    int blocks = (rows + block - 1) / block;
    // one partial sum per block, added in block order: the result does not depend on threads
    double[][] partial = new double[blocks][];
    Parallel.forRange(
        blocks,
        1,
        threads,
        (w, from, to) -> {
          float[] acc = new float[f * f];
          for (int b = from; b < to; b++) {
            java.util.Arrays.fill(acc, 0f);
            int end = Math.min(rows, (b + 1) * block);
            for (int r = b * block; r < end; r++) {
              int base = r * f;
              for (int d = 0; d < f; d++) {
                float v = y[base + d];
                if (v != 0f) {
                  k.axpy(v, y, base, acc, d * f, f);
                }
              }
            }
            double[] p = new double[f * f];
            for (int i = 0; i < acc.length; i++) {
              p[i] = acc[i];
            }
            partial[b] = p;
          }
        });
    float[] g = new float[f * f];
    for (int i = 0; i < g.length; i++) {
      double s = 0;
      for (double[] p : partial) {
        s += p[i];
      }
      g[i] = (float) s;
    }
    for (int d = 0; d < f; d++) {
      g[d * f + d] += (float) lambda;
    }
    return g;
  }
}
