package dev.vitrina.parquet;

/**
 * One column's values for a row group or a whole file. Rows are {@code 0..size()-1}; backing arrays
 * may be longer than {@code size()} (reused buffers). Implementations are plain records over
 * primitive arrays: they do not copy, so a caller must not change an array while a writer uses it.
 *
 * <p>Equality is logical: same size, same null rows and same values at non-null rows (strings by
 * content, whatever the dictionary order).
 */
public sealed interface ColumnData
    permits IntColumn, LongColumn, FloatColumn, DoubleColumn, BooleanColumn, StringColumn {

  /** Number of rows. */
  int size();

  /** Whether {@code row} is null. */
  boolean isNull(int row);

  /** Number of null rows; O(size) for float, double and string columns. */
  default int nullCount() {
    int n = 0;
    for (int i = 0; i < size(); i++) {
      if (isNull(i)) {
        n++;
      }
    }
    return n;
  }
}
