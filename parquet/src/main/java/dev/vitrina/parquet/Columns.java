package dev.vitrina.parquet;

import java.util.BitSet;
import java.util.function.IntFunction;

/** Helpers shared by the {@link ColumnData} records. */
final class Columns {

  private Columns() {}

  /** Throws unless {@code 0 <= size <= length}. */
  static void checkSize(int size, int length, String what) {
    if (size < 0 || size > length) {
      throw new IllegalArgumentException(
          what + " size must be in 0.." + length + " (the array length), got " + size);
    }
  }

  /** Throws unless {@code 0 <= row < size}. */
  static void checkRow(int row, int size) {
    if (row < 0 || row >= size) {
      throw new IndexOutOfBoundsException("row " + row + " out of range 0.." + (size - 1));
    }
  }

  /** Whether two null sets agree on rows {@code 0..size-1}; null means no nulls. */
  static boolean sameNulls(BitSet a, BitSet b, int size) {
    BitSet x = a == null ? new BitSet() : a.get(0, size);
    BitSet y = b == null ? new BitSet() : b.get(0, size);
    return x.equals(y);
  }

  /** Hash of the null rows in {@code 0..size-1}. */
  static int nullsHash(BitSet nulls, int size) {
    return nulls == null ? 0 : nulls.get(0, size).hashCode();
  }

  /** Whether any of rows {@code 0..size-1} is set. */
  static boolean anyNull(BitSet nulls, int size) {
    if (nulls == null) {
      return false;
    }
    int first = nulls.nextSetBit(0);
    return first >= 0 && first < size;
  }

  /** A short description with the first values, for {@code toString}. */
  static String describe(ColumnData c, IntFunction<String> value) {
    StringBuilder sb = new StringBuilder(c.getClass().getSimpleName());
    sb.append("[size=").append(c.size()).append(", values=[");
    int n = Math.min(c.size(), 8);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(c.isNull(i) ? "null" : value.apply(i));
    }
    if (c.size() > n) {
      sb.append(", ...");
    }
    return sb.append("]]").toString();
  }
}
