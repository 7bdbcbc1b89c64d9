package dev.vitrina.recs.internal.linalg;

/** Plain loops: the reference implementation and the fallback without the Vector API. */
final class ScalarKernels extends Kernels {

  private static final int W = 16;

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public int panelWidth() {
    return W;
  }

  @Override
  public float dot(float[] a, int ao, float[] b, int bo, int n) {
    float s = 0;
    for (int i = 0; i < n; i++) {
      s += a[ao + i] * b[bo + i];
    }
    return s;
  }

  @Override
  public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
    for (int i = 0; i < n; i++) {
      y[yo + i] += alpha * x[xo + i];
    }
  }

  @Override
  public void xpby(float[] x, float beta, float[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = x[i] + beta * y[i];
    }
  }

  @Override
  public void matVec(float[] a, float[] v, float[] out, int f) {
    for (int i = 0; i < f; i++) {
      out[i] = dot(a, i * f, v, 0, f);
    }
  }

  @Override
  public void symMatVec(float[] a, float[] v, float[] out, int f) {
    java.util.Arrays.fill(out, 0, f, 0f);
    for (int d = 0; d < f; d++) {
      axpy(v[d], a, d * f, out, 0, f);
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
      boolean residual,
      float[] scratch) {
    for (int p = from; p < to; p++) {
      int base = idx[p] * f;
      float d = dot(y, base, v, 0, f);
      float c = cm1[p];
      float s = residual ? (1 + c) - c * d : c * d;
      axpy(s, y, base, out, 0, f);
    }
  }

  @Override
  public boolean anyAtLeast(float[] a, int off, int len, float threshold) {
    for (int i = 0; i < len; i++) {
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
    java.util.Arrays.fill(out, 0, 4 * W, 0f);
    for (int d = 0; d < f; d++) {
      float a0 = x[xo0 + d];
      float a1 = x[xo1 + d];
      float a2 = x[xo2 + d];
      float a3 = x[xo3 + d];
      int row = po + d * W;
      for (int j = 0; j < W; j++) {
        float yv = panel[row + j];
        out[j] += a0 * yv;
        out[W + j] += a1 * yv;
        out[2 * W + j] += a2 * yv;
        out[3 * W + j] += a3 * yv;
      }
    }
  }
}
