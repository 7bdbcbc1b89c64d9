package dev.vitrina.parquet;

import java.util.Arrays;
import java.util.Objects;

/**
 * A DOUBLE column; null is {@link Double#NaN}. In a nullable column every NaN is written as null;
 * in a REQUIRED column NaN is written as a NaN value.
 *
 * @param values values, NaN for null
 * @param size number of rows, at most {@code values.length}
 */
public record DoubleColumn(double[] values, int size) implements ColumnData {

  /** Validates {@code size} against the array. */
  public DoubleColumn {
    Objects.requireNonNull(values, "values");
    Columns.checkSize(size, values.length, "DoubleColumn");
  }

  /** A column over all of {@code values}. */
  public static DoubleColumn of(double... values) {
    return new DoubleColumn(values, values.length);
  }

  @Override
  public boolean isNull(int row) {
    Columns.checkRow(row, size);
    return Double.isNaN(values[row]);
  }

  /** The value at {@code row}, NaN when null. */
  public double get(int row) {
    Columns.checkRow(row, size);
    return values[row];
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DoubleColumn c) || c.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (Double.doubleToLongBits(values[i]) != Double.doubleToLongBits(c.values[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = size;
    for (int i = 0; i < size; i++) {
      h = 31 * h + Double.hashCode(values[i]);
    }
    return h;
  }

  @Override
  public String toString() {
    return Columns.describe(this, i -> Double.toString(values[i]));
  }

  /** A copy of rows {@code 0..size-1}. */
  public double[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
