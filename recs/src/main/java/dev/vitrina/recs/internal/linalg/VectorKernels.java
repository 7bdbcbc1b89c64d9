package dev.vitrina.recs.internal.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels ({@code jdk.incubator.vector}) at the platform's preferred width (8 floats
 * with AVX2). Loaded reflectively by {@link Kernels#get()} only when the module is present.
 */
final class VectorKernels extends Kernels {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int W = 2 * L;

  // lane i <-> lane i ^ h: a fixed pairwise (tree) order for horizontal sums
  private static final VectorShuffle<Float> SWAP8 = L >= 16 ? swap(8) : null;
  private static final VectorShuffle<Float> SWAP4 = L >= 8 ? swap(4) : null;
  private static final VectorShuffle<Float> SWAP2 = L >= 4 ? swap(2) : null;
  private static final VectorShuffle<Float> SWAP1 = L >= 2 ? swap(1) : null;

  private static VectorShuffle<Float> swap(int h) {
    return VectorShuffle.fromOp(S, i -> i ^ h);
  }

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
    FloatVector acc2 = FloatVector.zero(S);
    FloatVector acc3 = FloatVector.zero(S);
    for (int upper = n - 4 * L; i <= upper; i += 4 * L) {
      acc0 = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, b, bo + i), acc0);
      acc1 =
          FloatVector.fromArray(S, a, ao + i + L)
              .fma(FloatVector.fromArray(S, b, bo + i + L), acc1);
      acc2 =
          FloatVector.fromArray(S, a, ao + i + 2 * L)
              .fma(FloatVector.fromArray(S, b, bo + i + 2 * L), acc2);
      acc3 =
          FloatVector.fromArray(S, a, ao + i + 3 * L)
              .fma(FloatVector.fromArray(S, b, bo + i + 3 * L), acc3);
    }
    for (int upper = n - L; i <= upper; i += L) {
      acc0 = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, b, bo + i), acc0);
    }
    float s = sum(acc0.add(acc1).add(acc2.add(acc3)));
    for (; i < n; i++) {
      s += a[ao + i] * b[bo + i];
    }
    return s;
  }

  /**
   * The lane sum in a fixed pairwise order, by lane swaps and adds. {@code reduceLanes(ADD)} leaves
   * the order unspecified, and the interpreter and the JIT do differ, which would make results
   * depend on warm-up; swaps and lane-wise adds are exact IEEE operations in both.
   */
  private static float sum(FloatVector v) {
    if (L >= 16) {
      v = v.add(v.rearrange(SWAP8));
    }
    if (L >= 8) {
      v = v.add(v.rearrange(SWAP4));
    }
    if (L >= 4) {
      v = v.add(v.rearrange(SWAP2));
    }
    if (L >= 2) {
      v = v.add(v.rearrange(SWAP1));
    }
    return v.lane(0);
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
  public void symMatVec(float[] a, float[] v, float[] out, int f) {
    int c = 0;
    for (; c + 4 * L <= f; c += 4 * L) {
      FloatVector a0 = FloatVector.zero(S);
      FloatVector a1 = FloatVector.zero(S);
      FloatVector a2 = FloatVector.zero(S);
      FloatVector a3 = FloatVector.zero(S);
      for (int d = 0; d < f; d++) {
        FloatVector b = FloatVector.broadcast(S, v[d]);
        int row = d * f + c;
        a0 = FloatVector.fromArray(S, a, row).fma(b, a0);
        a1 = FloatVector.fromArray(S, a, row + L).fma(b, a1);
        a2 = FloatVector.fromArray(S, a, row + 2 * L).fma(b, a2);
        a3 = FloatVector.fromArray(S, a, row + 3 * L).fma(b, a3);
      }
      a0.intoArray(out, c);
      a1.intoArray(out, c + L);
      a2.intoArray(out, c + 2 * L);
      a3.intoArray(out, c + 3 * L);
    }
    for (; c + L <= f; c += L) {
      FloatVector a0 = FloatVector.zero(S);
      for (int d = 0; d < f; d++) {
        a0 = FloatVector.fromArray(S, a, d * f + c).fma(FloatVector.broadcast(S, v[d]), a0);
      }
      a0.intoArray(out, c);
    }
    for (; c < f; c++) {
      float acc = 0f;
      for (int d = 0; d < f; d++) {
        acc = Math.fma(a[d * f + c], v[d], acc);
      }
      out[c] = acc;
    }
  }

  /**
   * In blocks of {@link #BLOCK} rows, two passes: first every weight {@code s_p} (one dot product
   * each), then {@code out += sum_p s_p y_p} with {@code out} held in registers, eight vectors at a
   * time, while the block's rows (now in cache) stream by again.
   */
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
      boolean residual,
      float[] scratch) {
    for (int b = from; b < to; b += BLOCK) {
      projectBlock(y, f, idx, cm1, b, Math.min(to, b + BLOCK), v, out, residual, scratch);
    }
  }

  private static final VectorMask<Float> UPPER_HALF =
      L >= 4 ? VectorMask.fromLong(S, ((1L << L) - 1) & ~((1L << (L / 2)) - 1)) : null;
  private static final VectorMask<Float> QUARTER_BIT = L >= 4 ? quarterBit() : null;

  private static VectorMask<Float> quarterBit() {
    long bits = 0;
    for (int i = 0; i < L; i++) {
      if ((i & (L / 4)) != 0) {
        bits |= 1L << i;
      }
    }
    return VectorMask.fromLong(S, bits);
  }

  /**
   * Four dot products {@code y[r_j..r_j+f) . v[0..f)} at once ({@code f} a multiple of the lane
   * count, which is at least 4), written to {@code out[o..o+4)}. One accumulator per row, then one
   * shared fixed-order reduction: half the shuffles of four separate sums.
   */
  private static void dot4(
      float[] y, int r0, int r1, int r2, int r3, float[] v, int f, float[] out, int o) {
    FloatVector a = FloatVector.zero(S);
    FloatVector b = FloatVector.zero(S);
    FloatVector c = FloatVector.zero(S);
    FloatVector d = FloatVector.zero(S);
    for (int i = 0; i < f; i += L) {
      FloatVector vv = FloatVector.fromArray(S, v, i);
      a = FloatVector.fromArray(S, y, r0 + i).fma(vv, a);
      b = FloatVector.fromArray(S, y, r1 + i).fma(vv, b);
      c = FloatVector.fromArray(S, y, r2 + i).fma(vv, c);
      d = FloatVector.fromArray(S, y, r3 + i).fma(vv, d);
    }
    VectorShuffle<Float> half = L >= 16 ? SWAP8 : L >= 8 ? SWAP4 : SWAP2;
    VectorShuffle<Float> quarter = L >= 16 ? SWAP4 : L >= 8 ? SWAP2 : SWAP1;
    a = a.add(a.rearrange(half));
    b = b.add(b.rearrange(half));
    c = c.add(c.rearrange(half));
    d = d.add(d.rearrange(half));
    FloatVector ab = a.blend(b, UPPER_HALF);
    FloatVector cd = c.blend(d, UPPER_HALF);
    ab = ab.add(ab.rearrange(quarter));
    cd = cd.add(cd.rearrange(quarter));
    FloatVector all = ab.blend(cd, QUARTER_BIT);
    // lanes: a at 0, c at L/4, b at L/2, d at 3L/4; fold what is left of each quarter
    if (L >= 16) {
      all = all.add(all.rearrange(SWAP2));
    }
    if (L >= 8) {
      all = all.add(all.rearrange(SWAP1));
    }
    out[o] = all.lane(0);
    out[o + 1] = all.lane(L / 2);
    out[o + 2] = all.lane(L / 4);
    out[o + 3] = all.lane(3 * L / 4);
  }

  /** Rows per block of {@link #weightedProjections}: 64 KiB of rows at 64 factors. */
  private static final int BLOCK = 256;

  private void projectBlock(
      float[] y,
      int f,
      int[] idx,
      float[] cm1,
      int from,
      int to,
      float[] v,
      float[] out,
      boolean residual,
      float[] scratch) {
    int n = to - from;
    int q = 0;
    if (L >= 4 && f % L == 0) {
      for (; q + 4 <= n; q += 4) {
        dot4(
            y,
            idx[from + q] * f,
            idx[from + q + 1] * f,
            idx[from + q + 2] * f,
            idx[from + q + 3] * f,
            v,
            f,
            scratch,
            q);
      }
    }
    for (; q < n; q++) {
      scratch[q] = dot(y, idx[from + q] * f, v, 0, f);
    }
    for (q = 0; q < n; q++) {
      float d = scratch[q];
      float c = cm1[from + q];
      scratch[q] = residual ? (1 + c) - c * d : c * d;
    }
    int c0 = 0;
    for (; c0 + 8 * L <= f; c0 += 8 * L) {
      FloatVector a0 = FloatVector.fromArray(S, out, c0);
      FloatVector a1 = FloatVector.fromArray(S, out, c0 + L);
      FloatVector a2 = FloatVector.fromArray(S, out, c0 + 2 * L);
      FloatVector a3 = FloatVector.fromArray(S, out, c0 + 3 * L);
      FloatVector a4 = FloatVector.fromArray(S, out, c0 + 4 * L);
      FloatVector a5 = FloatVector.fromArray(S, out, c0 + 5 * L);
      FloatVector a6 = FloatVector.fromArray(S, out, c0 + 6 * L);
      FloatVector a7 = FloatVector.fromArray(S, out, c0 + 7 * L);
      for (int k = 0; k < n; k++) {
        FloatVector b = FloatVector.broadcast(S, scratch[k]);
        int base = idx[from + k] * f + c0;
        a0 = FloatVector.fromArray(S, y, base).fma(b, a0);
        a1 = FloatVector.fromArray(S, y, base + L).fma(b, a1);
        a2 = FloatVector.fromArray(S, y, base + 2 * L).fma(b, a2);
        a3 = FloatVector.fromArray(S, y, base + 3 * L).fma(b, a3);
        a4 = FloatVector.fromArray(S, y, base + 4 * L).fma(b, a4);
        a5 = FloatVector.fromArray(S, y, base + 5 * L).fma(b, a5);
        a6 = FloatVector.fromArray(S, y, base + 6 * L).fma(b, a6);
        a7 = FloatVector.fromArray(S, y, base + 7 * L).fma(b, a7);
      }
      a0.intoArray(out, c0);
      a1.intoArray(out, c0 + L);
      a2.intoArray(out, c0 + 2 * L);
      a3.intoArray(out, c0 + 3 * L);
      a4.intoArray(out, c0 + 4 * L);
      a5.intoArray(out, c0 + 5 * L);
      a6.intoArray(out, c0 + 6 * L);
      a7.intoArray(out, c0 + 7 * L);
    }
    for (; c0 + 2 * L <= f; c0 += 2 * L) {
      FloatVector a0 = FloatVector.fromArray(S, out, c0);
      FloatVector a1 = FloatVector.fromArray(S, out, c0 + L);
      for (int k = 0; k < n; k++) {
        FloatVector b = FloatVector.broadcast(S, scratch[k]);
        int base = idx[from + k] * f + c0;
        a0 = FloatVector.fromArray(S, y, base).fma(b, a0);
        a1 = FloatVector.fromArray(S, y, base + L).fma(b, a1);
      }
      a0.intoArray(out, c0);
      a1.intoArray(out, c0 + L);
    }
    for (; c0 + L <= f; c0 += L) {
      FloatVector a0 = FloatVector.fromArray(S, out, c0);
      for (int k = 0; k < n; k++) {
        a0 =
            FloatVector.fromArray(S, y, idx[from + k] * f + c0)
                .fma(FloatVector.broadcast(S, scratch[k]), a0);
      }
      a0.intoArray(out, c0);
    }
    for (; c0 < f; c0++) {
      float acc = out[c0];
      for (int k = 0; k < n; k++) {
        acc = Math.fma(y[idx[from + k] * f + c0], scratch[k], acc);
      }
      out[c0] = acc;
    }
  }

  @Override
  public boolean anyAtLeast(float[] a, int off, int len, float threshold) {
    int i = 0;
    for (int upper = len - L; i <= upper; i += L) {
      if (FloatVector.fromArray(S, a, off + i).compare(VectorOperators.GE, threshold).anyTrue()) {
        return true;
      }
    }
    for (; i < len; i++) {
      if (a[off + i] >= threshold) {
        return true;
      }
    }
    return false;
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
