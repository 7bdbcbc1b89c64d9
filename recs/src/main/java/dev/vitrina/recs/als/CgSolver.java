package dev.vitrina.recs.als;

import dev.vitrina.recs.internal.linalg.Kernels;

/**
 * A few conjugate-gradient steps on one row's normal equations {@code (G + Y'(C-I)Y) x = Y'C p},
 * warm-started from the current row (as in the {@code implicit} library's {@code
 * least_squares_cg}). One instance per thread; reuses its scratch vectors.
 */
final class CgSolver {
  private static final Kernels K = Kernels.get();

  private final int f;
  private final int steps;
  private final float[] x;
  private final float[] r;
  private final float[] p;
  private final float[] ap;
  private float[] scratch = new float[64];
  // rows of a long row's items copied together, so the CG passes read them sequentially
  private float[] rows = new float[0];
  private float[] weights = new float[0];
  private int[] iota = new int[0];

  /** Rows with more entries than this are gathered first (their rows exceed the L1 cache). */
  static final int GATHER_MIN = 64;

  CgSolver(int f, int steps) {
    this.f = f;
    this.steps = steps;
    this.x = new float[f];
    this.r = new float[f];
    this.p = new float[f];
    this.ap = new float[f];
  }

  /**
   * Solves row {@code row}; {@code extraLambda} is added to the diagonal of {@code gram} for this
   * row only (frequency-scaled regularisation; 0 for none).
   */
  void solve(
      float[] factors,
      int row,
      float[] y,
      float[] gram,
      int[] indptr,
      int[] idx,
      float[] cm1,
      float extraLambda) {
    int from = indptr[row];
    int to = indptr[row + 1];
    int base = row * f;
    if (from == to) {
      java.util.Arrays.fill(factors, base, base + f, 0f);
      return;
    }
    if (scratch.length < to - from) {
      scratch = new float[Math.max(to - from, 2 * scratch.length)];
    }
    float[] yy = y;
    int[] ix = idx;
    float[] cw = cm1;
    int lo = from;
    int hi = to;
    if (to - from > GATHER_MIN) {
      int n = to - from;
      if (iota.length < n) {
        int cap = Math.max(n, 2 * iota.length);
        iota = new int[cap];
        for (int i = 0; i < cap; i++) {
          iota[i] = i;
        }
        weights = new float[cap];
        rows = new float[cap * f];
      }
      for (int k = 0; k < n; k++) {
        System.arraycopy(y, idx[from + k] * f, rows, k * f, f);
      }
      System.arraycopy(cm1, from, weights, 0, n);
      yy = rows;
      ix = iota;
      cw = weights;
      lo = 0;
      hi = n;
    }
    System.arraycopy(factors, base, x, 0, f);
    // r = b - A x = sum (1 + c) y - G x - sum c (y.x) y
    K.symMatVec(gram, x, r, f);
    if (extraLambda != 0f) {
      K.axpy(extraLambda, x, 0, r, 0, f);
    }
    for (int d = 0; d < f; d++) {
      r[d] = -r[d];
    }
    K.weightedProjections(yy, f, ix, cw, lo, hi, x, r, true, scratch);
    System.arraycopy(r, 0, p, 0, f);
    float rsold = K.dot(r, 0, r, 0, f);
    if (rsold < 1e-20f) {
      return;
    }
    for (int s = 0; s < steps; s++) {
      K.symMatVec(gram, p, ap, f);
      if (extraLambda != 0f) {
        K.axpy(extraLambda, p, 0, ap, 0, f);
      }
      K.weightedProjections(yy, f, ix, cw, lo, hi, p, ap, false, scratch);
      float pap = K.dot(p, 0, ap, 0, f);
      if (!(pap > 0f)) {
        break;
      }
      float alpha = rsold / pap;
      K.axpy(alpha, p, 0, x, 0, f);
      K.axpy(-alpha, ap, 0, r, 0, f);
      float rsnew = K.dot(r, 0, r, 0, f);
      if (rsnew < 1e-20f) {
        break;
      }
      K.xpby(r, rsnew / rsold, p, f);
      rsold = rsnew;
    }
    System.arraycopy(x, 0, factors, base, f);
  }
}
