package dev.vitrina.parquet;

import java.util.Arrays;
import java.util.Objects;

/**
 * A FLOAT column; null is {@link Float#NaN}. In a nullable column every NaN is written as null; in
 * a REQUIRED column NaN is written as a NaN value.
 *
 * @param values values, NaN for null
 * @param size number of rows, at most {@code values.length}
 */
public record FloatColumn(float[] values, int size) implements ColumnData {

  /** Validates {@code size} against the array. */
  public FloatColumn {
    Objects.requireNonNull(values, "values");
    Columns.checkSize(size, values.length, "FloatColumn");
  }

  /** A column over all of {@code values}. */
  public static FloatColumn of(float... values) {
    return new FloatColumn(values, values.length);
  }

  @Override
  public boolean isNull(int row) {
    Columns.checkRow(row, size);
    return Float.isNaN(values[row]);
  }

  /** The value at {@code row}, NaN when null. */
  public float get(int row) {
    Columns.checkRow(row, size);
    return values[row];
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FloatColumn c) || c.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (Float.floatToIntBits(values[i]) != Float.floatToIntBits(c.values[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = size;
    for (int i = 0; i < size; i++) {
      h = 31 * h + Float.hashCode(values[i]);
    }
    return h;
  }

  @Override
  public String toString() {
    return Columns.describe(this, i -> Float.toString(values[i]));
  }

  /** A copy of rows {@code 0..size-1}. */
  public float[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
