package dev.vitrina.parquet;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * An INT32 or DATE (epoch days) column.
 *
 * @param values values; entries at null rows are unspecified
 * @param size number of rows, at most {@code values.length}
 * @param nulls null rows, or {@code null} when there are none
 */
public record IntColumn(int[] values, int size, BitSet nulls) implements ColumnData {

  /** Validates {@code size} against the array. */
  public IntColumn {
    Objects.requireNonNull(values, "values");
    Columns.checkSize(size, values.length, "IntColumn");
  }

  /** A column over all of {@code values}, without nulls. */
  public static IntColumn of(int... values) {
    return new IntColumn(values, values.length, null);
  }

  @Override
  public boolean isNull(int row) {
    Columns.checkRow(row, size);
    return nulls != null && nulls.get(row);
  }

  /** The value at {@code row}; 0 when null. */
  public int get(int row) {
    Columns.checkRow(row, size);
    return nulls != null && nulls.get(row) ? 0 : values[row];
  }

  @Override
  public int nullCount() {
    return nulls == null ? 0 : nulls.get(0, size).cardinality();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof IntColumn c) || c.size != size || !Columns.sameNulls(nulls, c.nulls, size)) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (values[i] != c.values[i] && !(nulls != null && nulls.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = size;
    for (int i = 0; i < size; i++) {
      h = 31 * h + (nulls != null && nulls.get(i) ? 7 : values[i]);
    }
    return h;
  }

  @Override
  public String toString() {
    return Columns.describe(this, i -> Integer.toString(values[i]));
  }

  /** A copy of rows {@code 0..size-1} as a plain array (0 at null rows). */
  public int[] toArray() {
    int[] out = Arrays.copyOf(values, size);
    if (nulls != null) {
      for (int i = nulls.nextSetBit(0); i >= 0 && i < size; i = nulls.nextSetBit(i + 1)) {
        out[i] = 0;
      }
    }
    return out;
  }
}
