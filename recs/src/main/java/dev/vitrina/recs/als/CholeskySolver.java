package dev.vitrina.recs.als;

/**
 * The exact solve of one row's normal equations {@code (G + sum c y y') x = sum (1 + c) y} by a
 * Cholesky factorisation in double precision: the textbook ALS of Hu et al. (2008) and the naive
 * reference the conjugate-gradient solver is tested and benchmarked against.
 */
final class CholeskySolver {
  private final int f;
  private final double[] a;
  private final double[] b;

  CholeskySolver(int f) {
    this.f = f;
    this.a = new double[f * f];
    this.b = new double[f];
  }

  /** Solves row {@code row} with {@code extraLambda} added to the diagonal for this row. */
  void solve(
      float[] factors,
      int row,
      float[] y,
      float[] gram,
      int[] indptr,
      int[] idx,
      float[] cm1,
      float extraLambda) {
    int base = row * f;
    int from = indptr[row];
    int to = indptr[row + 1];
    if (from == to) {
      java.util.Arrays.fill(factors, base, base + f, 0f);
      return;
    }
    for (int i = 0; i < f * f; i++) {
      a[i] = gram[i];
    }
    for (int i = 0; i < f; i++) {
      a[i * f + i] += extraLambda;
    }
    java.util.Arrays.fill(b, 0);
    for (int p = from; p < to; p++) {
      int yb = idx[p] * f;
      double c = cm1[p];
      for (int i = 0; i < f; i++) {
        double yi = y[yb + i];
        b[i] += (1 + c) * yi;
        double cyi = c * yi;
        for (int j = 0; j <= i; j++) {
          a[i * f + j] += cyi * y[yb + j];
        }
      }
    }
    // Cholesky A = L L' in the lower triangle
    for (int j = 0; j < f; j++) {
      double s = a[j * f + j];
      for (int k = 0; k < j; k++) {
        s -= a[j * f + k] * a[j * f + k];
      }
      if (!(s > 0)) {
        throw new ArithmeticException(
            "ALS normal equations are not positive definite at row "
                + row
                + "; use regularization > 0");
      }
      double d = Math.sqrt(s);
      a[j * f + j] = d;
      for (int i = j + 1; i < f; i++) {
        double t = a[i * f + j];
        for (int k = 0; k < j; k++) {
          t -= a[i * f + k] * a[j * f + k];
        }
        a[i * f + j] = t / d;
      }
    }
    // forward then backward substitution
    for (int i = 0; i < f; i++) {
      double t = b[i];
      for (int k = 0; k < i; k++) {
        t -= a[i * f + k] * b[k];
      }
      b[i] = t / a[i * f + i];
    }
    for (int i = f - 1; i >= 0; i--) {
      double t = b[i];
      for (int k = i + 1; k < f; k++) {
        t -= a[k * f + i] * b[k];
      }
      b[i] = t / a[i * f + i];
    }
    for (int i = 0; i < f; i++) {
      factors[base + i] = (float) b[i];
    }
  }
}
