package dev.vitrina.recs.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels ({@code jdk.incubator.vector}) at the platform's preferred width (8 floats
 * with AVX2). Loaded reflectively by {@link Kernels#get()} only when the module is present.
 */
final class VectorKernels extends Kernels {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int W = 2 * L;

  @Override
  public String name() {
    return "vector(" + S.vectorBitSize() + " bits)";
  }

  @Override
  public int panelWidth() {
    return W;
  }

  @Override
  public float dot(float[] a, int ao, float[] b, int bo, int n) {
    int i = 0;
    FloatVector acc0 = FloatVector.zero(S);
    FloatVector acc1 = FloatVector.zero(S);
    int upper2 = n - 2 * L;
    for (; i <= upper2; i += 2 * L) {
      acc0 = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, b, bo + i), acc0);
      acc1 =
          FloatVector.fromArray(S, a, ao + i + L)
              .fma(FloatVector.fromArray(S, b, bo + i + L), acc1);
    }
    if (i <= n - L) {
      acc0 = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, b, bo + i), acc0);
      i += L;
    }
    float s = sum(acc0.add(acc1));
    for (; i < n; i++) {
      s += a[ao + i] * b[bo + i];
    }
    return s;
  }

  /**
   * The lane sum in a fixed order. {@code reduceLanes(ADD)} leaves the order unspecified, and the
   * interpreter and the JIT do differ, which would make results depend on warm-up.
   */
  private static float sum(FloatVector v) {
    float s = v.lane(0);
    for (int i = 1; i < L; i++) {
      s += v.lane(i);
    }
    return s;
  }

  @Override
  public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
    int i = 0;
    FloatVector av = FloatVector.broadcast(S, alpha);
    for (int upper = n - L; i <= upper; i += L) {
      FloatVector.fromArray(S, x, xo + i)
          .fma(av, FloatVector.fromArray(S, y, yo + i))
          .intoArray(y, yo + i);
    }
    for (; i < n; i++) {
      y[yo + i] += alpha * x[xo + i];
    }
  }

  @Override
  public void xpby(float[] x, float beta, float[] y, int n) {
    int i = 0;
    FloatVector bv = FloatVector.broadcast(S, beta);
    for (int upper = n - L; i <= upper; i += L) {
      FloatVector.fromArray(S, y, i).fma(bv, FloatVector.fromArray(S, x, i)).intoArray(y, i);
    }
    for (; i < n; i++) {
      y[i] = x[i] + beta * y[i];
    }
  }

  @Override
  public void matVec(float[] a, float[] v, float[] out, int f) {
    for (int r = 0; r < f; r++) {
      out[r] = dot(a, r * f, v, 0, f);
    }
  }

  @Override
  public void weightedProjections(
      float[] y,
      int f,
      int[] idx,
      float[] cm1,
      int from,
      int to,
      float[] v,
      float[] out,
      boolean residual) {
    int upper = f - L;
    for (int p = from; p < to; p++) {
      int base = idx[p] * f;
      float d = dot(y, base, v, 0, f);
      float c = cm1[p];
      float s = residual ? (1 + c) - c * d : c * d;
      FloatVector sv = FloatVector.broadcast(S, s);
      int i = 0;
      for (; i <= upper; i += L) {
        FloatVector.fromArray(S, y, base + i)
            .fma(sv, FloatVector.fromArray(S, out, i))
            .intoArray(out, i);
      }
      for (; i < f; i++) {
        out[i] += s * y[base + i];
      }
    }
  }

  @Override
  public void scoreRows(float[] x, int xo, float[] y, int f, int n, float[] out) {
    for (int i = 0; i < n; i++) {
      out[i] = dot(x, xo, y, i * f, f);
    }
  }

  @Override
  public void scorePanel4(
      float[] x, int xo0, int xo1, int xo2, int xo3, float[] panel, int po, int f, float[] out) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    for (int d = 0; d < f; d++) {
      int row = po + d * W;
      FloatVector y0 = FloatVector.fromArray(S, panel, row);
      FloatVector y1 = FloatVector.fromArray(S, panel, row + L);
      FloatVector a = FloatVector.broadcast(S, x[xo0 + d]);
      c00 = y0.fma(a, c00);
      c01 = y1.fma(a, c01);
      a = FloatVector.broadcast(S, x[xo1 + d]);
      c10 = y0.fma(a, c10);
      c11 = y1.fma(a, c11);
      a = FloatVector.broadcast(S, x[xo2 + d]);
      c20 = y0.fma(a, c20);
      c21 = y1.fma(a, c21);
      a = FloatVector.broadcast(S, x[xo3 + d]);
      c30 = y0.fma(a, c30);
      c31 = y1.fma(a, c31);
    }
    c00.intoArray(out, 0);
    c01.intoArray(out, L);
    c10.intoArray(out, W);
    c11.intoArray(out, W + L);
    c20.intoArray(out, 2 * W);
    c21.intoArray(out, 2 * W + L);
    c30.intoArray(out, 3 * W);
    c31.intoArray(out, 3 * W + L);
  }
}
