package dev.vitrina.parquet;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * A BOOLEAN column.
 *
 * @param values values; entries at null rows are unspecified
 * @param size number of rows, at most {@code values.length}
 * @param nulls null rows, or {@code null} when there are none
 */
public record BooleanColumn(boolean[] values, int size, BitSet nulls) implements ColumnData {

  /** Validates {@code size} against the array. */
  public BooleanColumn {
    Objects.requireNonNull(values, "values");
    Columns.checkSize(size, values.length, "BooleanColumn");
  }

  /** A column over all of {@code values}, without nulls. */
  public static BooleanColumn of(boolean... values) {
    return new BooleanColumn(values, values.length, null);
  }

  @Override
  public boolean isNull(int row) {
    Columns.checkRow(row, size);
    return nulls != null && nulls.get(row);
  }

  /** The value at {@code row}; false when null. */
  public boolean get(int row) {
    Columns.checkRow(row, size);
    return values[row] && !(nulls != null && nulls.get(row));
  }

  @Override
  public int nullCount() {
    return nulls == null ? 0 : nulls.get(0, size).cardinality();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof BooleanColumn c)
        || c.size != size
        || !Columns.sameNulls(nulls, c.nulls, size)) {
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
      h = 31 * h + (nulls != null && nulls.get(i) ? 7 : values[i] ? 1 : 0);
    }
    return h;
  }

  @Override
  public String toString() {
    return Columns.describe(this, i -> Boolean.toString(values[i]));
  }

  /** A copy of rows {@code 0..size-1} as a plain array (false at null rows). */
  public boolean[] toArray() {
    boolean[] out = Arrays.copyOf(values, size);
    if (nulls != null) {
      for (int i = nulls.nextSetBit(0); i >= 0 && i < size; i = nulls.nextSetBit(i + 1)) {
        out[i] = false;
      }
    }
    return out;
  }
}
