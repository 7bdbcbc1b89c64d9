package dev.vitrina.parquet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dictionary-encoded STRING column: row {@code i} is {@code dictionary[codes[i]]}, or null when
 * {@code codes[i] == -1}. Dictionary entries must not be null; they need not be unique or all used
 * (the writer keeps only the entries a row group uses).
 *
 * @param codes dictionary codes, -1 for null
 * @param size number of rows, at most {@code codes.length}
 * @param dictionary the distinct strings
 */
public record StringColumn(int[] codes, int size, String[] dictionary) implements ColumnData {

  /** Validates {@code size} against the array. Codes are checked by the writer. */
  public StringColumn {
    Objects.requireNonNull(codes, "codes");
    Objects.requireNonNull(dictionary, "dictionary");
    Columns.checkSize(size, codes.length, "StringColumn");
  }

  /** Encodes {@code values} (nulls allowed), with the dictionary in first-seen order. */
  public static StringColumn of(String... values) {
    int[] codes = new int[values.length];
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < values.length; i++) {
      String v = values[i];
      if (v == null) {
        codes[i] = -1;
      } else {
        Integer c = index.putIfAbsent(v, index.size());
        codes[i] = c == null ? index.size() - 1 : c;
      }
    }
    String[] dict = new String[index.size()];
    index.forEach((s, c) -> dict[c] = s);
    return new StringColumn(codes, values.length, dict);
  }

  /** Encodes {@code values} (nulls allowed), with the dictionary in first-seen order. */
  public static StringColumn of(List<String> values) {
    return of(values.toArray(String[]::new));
  }

  @Override
  public boolean isNull(int row) {
    Columns.checkRow(row, size);
    return codes[row] < 0;
  }

  /** The string at {@code row}, or null. */
  public String get(int row) {
    Columns.checkRow(row, size);
    int c = codes[row];
    return c < 0 ? null : dictionary[c];
  }

  /** The dictionary code at {@code row}, -1 for null. */
  public int code(int row) {
    Columns.checkRow(row, size);
    return codes[row];
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof StringColumn c) || c.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      int a = codes[i];
      int b = c.codes[i];
      if ((a < 0) != (b < 0) || (a >= 0 && !dictionary[a].equals(c.dictionary[b]))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = size;
    for (int i = 0; i < size; i++) {
      h = 31 * h + (codes[i] < 0 ? 7 : dictionary[codes[i]].hashCode());
    }
    return h;
  }

  @Override
  public String toString() {
    return Columns.describe(this, i -> '"' + dictionary[codes[i]] + '"');
  }

  /** Rows {@code 0..size-1} as strings (null for null rows). */
  public String[] toArray() {
    String[] out = new String[size];
    for (int i = 0; i < size; i++) {
      out[i] = codes[i] < 0 ? null : dictionary[codes[i]];
    }
    return out;
  }
}
