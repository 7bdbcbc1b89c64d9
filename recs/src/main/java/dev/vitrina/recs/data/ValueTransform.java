package dev.vitrina.recs.data;

/**
 * How interaction values become the entries of the user-item matrix a model trains on. Duplicate
 * (user, item) rows are first summed, then transformed.
 */
public enum ValueTransform {
  /** 1 for every (user, item) pair with at least one interaction (the usual top-N protocol). */
  BINARY,
  /** The summed value as is (counts, weights or ratings). */
  RAW,
  /** {@code log(1 + sum)}: damps heavy repeat interactions. */
  LOG1P;

  /** Applies the transform to a summed value. */
  public float apply(float sum) {
    return switch (this) {
      case BINARY -> 1f;
      case RAW -> sum;
      case LOG1P -> (float) Math.log1p(sum);
    };
  }
}
