package dev.vitrina.recs.internal.linalg;

/**
 * Float kernels on row-major arrays. {@link #get()} returns the Vector API implementation when the
 * {@code jdk.incubator.vector} module is in the boot layer (run with {@code --add-modules
 * jdk.incubator.vector}) and the system property {@code vitrina.vector} is not {@code false};
 * otherwise a scalar implementation. The two agree up to float rounding (sums are reassociated).
 */
public abstract class Kernels {

  private static final Kernels INSTANCE = choose();

  /** The kernels in use. */
  public static Kernels get() {
    return INSTANCE;
  }

  /** The scalar kernels (reference and fallback). */
  public static Kernels scalar() {
    return new ScalarKernels();
  }

  private static Kernels choose() {
    boolean wanted = !"false".equalsIgnoreCase(System.getProperty("vitrina.vector"));
    if (wanted && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
      try {
        return (Kernels)
            Class.forName("dev.vitrina.recs.internal.linalg.VectorKernels")
                .getDeclaredConstructor()
                .newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        return new ScalarKernels();
      }
    }
    return new ScalarKernels();
  }

  /** {@code "vector(256 bits)"} or {@code "scalar"}. */
  public abstract String name();

  /** The number of items in one packed panel for {@link #scorePanel4}. */
  public abstract int panelWidth();

  /** {@code sum a[ao+i] * b[bo+i]} for {@code i < n}. */
  public abstract float dot(float[] a, int ao, float[] b, int bo, int n);

  /** {@code y[yo+i] += alpha * x[xo+i]} for {@code i < n}. */
  public abstract void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n);

  /** {@code y[i] = x[i] + beta * y[i]} for {@code i < n}. */
  public abstract void xpby(float[] x, float beta, float[] y, int n);

  /** {@code out = a v} for a row-major {@code f x f} matrix {@code a}. */
  public abstract void matVec(float[] a, float[] v, float[] out, int f);

  /**
   * {@code out = a v} for a symmetric row-major {@code f x f} matrix {@code a}, computed as the
   * combination {@code sum_d v[d] a[d, :]} of rows (no horizontal sums; the result differs from
   * {@link #matVec} only by float rounding, and only when {@code a} is symmetric is it {@code a
   * v}).
   */
  public abstract void symMatVec(float[] a, float[] v, float[] out, int f);

  /**
   * As {@link #weightedProjections(float[], int, int[], float[], int, int, float[], float[],
   * boolean, float[])} with a scratch array allocated per call.
   */
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
    weightedProjections(y, f, idx, cm1, from, to, v, out, residual, new float[to - from]);
  }

  /**
   * The sparse part of the implicit-ALS normal equations. For each position {@code p} in {@code
   * [from, to)} with row {@code y_p = y[idx[p]*f ..]} and confidence-minus-one {@code c = cm1[p]}:
   * adds {@code s * y_p} to {@code out}, where {@code s = c * (y_p . v)}, or, when {@code
   * residual}, {@code s = (1 + c) - c * (y_p . v)} (the right-hand side minus the sparse product).
   * {@code scratch} holds at least {@code to - from} floats; its contents are overwritten. Each
   * output element receives its {@code s * y_p} terms in {@code p} order, so the result does not
   * depend on how the work is split.
   */
  public abstract void weightedProjections(
      float[] y,
      int f,
      int[] idx,
      float[] cm1,
      int from,
      int to,
      float[] v,
      float[] out,
      boolean residual,
      float[] scratch);

  /**
   * Whether any of {@code a[off..off+len)} is {@code >= threshold} (a quick rejection test for
   * top-k selection; NaN never qualifies).
   */
  public abstract boolean anyAtLeast(float[] a, int off, int len, float threshold);

  /** {@code out[i] = x[xo..xo+f) . y[i*f..]} for {@code i < n}. */
  public abstract void scoreRows(float[] x, int xo, float[] y, int f, int n, float[] out);

  /**
   * Scores four users against one packed panel of {@link #panelWidth()} items: {@code out[r*W + j]
   * = x[xo[r]..+f) . item j}, where the panel stores item {@code j}'s factor {@code d} at {@code
   * panel[po + d*W + j]}.
   */
  public abstract void scorePanel4(
      float[] x, int xo0, int xo1, int xo2, int xo3, float[] panel, int po, int f, float[] out);
}
