package dev.vitrina.demand.data;

import dev.vitrina.parquet.BooleanColumn;
import dev.vitrina.parquet.ColumnData;
import dev.vitrina.parquet.DoubleColumn;
import dev.vitrina.parquet.FloatColumn;
import dev.vitrina.parquet.IntColumn;
import dev.vitrina.parquet.LongColumn;
import dev.vitrina.parquet.StringColumn;
import java.nio.file.Path;

/** Conversions from Parquet column data to the primitive arrays the demand code works on. */
public final class Columns {

  private Columns() {}

  /** The column as strings (null stays null). */
  public static String[] strings(ColumnData data, Path file, String column) {
    int n = data.size();
    String[] out = new String[n];
    if (data instanceof StringColumn s) {
      for (int r = 0; r < n; r++) {
        int c = s.codes()[r];
        out[r] = c < 0 ? null : s.dictionary()[c];
      }
      return out;
    }
    if (data instanceof IntColumn c) {
      for (int r = 0; r < n; r++) {
        out[r] = c.isNull(r) ? null : Integer.toString(c.values()[r]);
      }
      return out;
    }
    if (data instanceof LongColumn c) {
      for (int r = 0; r < n; r++) {
        out[r] = c.isNull(r) ? null : Long.toString(c.values()[r]);
      }
      return out;
    }
    throw new IllegalArgumentException(
        file + ": column '" + column + "' must hold text or integer ids, got " + kind(data));
  }

  /** The column as floats; null becomes NaN; booleans become 0/1. */
  public static float[] floats(ColumnData data, Path file, String column) {
    int n = data.size();
    float[] out = new float[n];
    switch (data) {
      case FloatColumn c -> System.arraycopy(c.values(), 0, out, 0, n);
      case DoubleColumn c -> {
        for (int r = 0; r < n; r++) {
          out[r] = (float) c.values()[r];
        }
      }
      case IntColumn c -> {
        for (int r = 0; r < n; r++) {
          out[r] = c.isNull(r) ? Float.NaN : c.values()[r];
        }
      }
      case LongColumn c -> {
        for (int r = 0; r < n; r++) {
          out[r] = c.isNull(r) ? Float.NaN : c.values()[r];
        }
      }
      case BooleanColumn c -> {
        for (int r = 0; r < n; r++) {
          out[r] = c.isNull(r) ? Float.NaN : (c.values()[r] ? 1f : 0f);
        }
      }
      case StringColumn c ->
          throw new IllegalArgumentException(
              file
                  + ": column '"
                  + column
                  + "' must be numeric, got text (e.g. '"
                  + (c.size() > 0 && c.codes()[0] >= 0 ? c.dictionary()[c.codes()[0]] : "")
                  + "'); convert it to a number or map a numeric column with the column options");
    }
    return out;
  }

  /** A short name of the column's kind for messages. */
  public static String kind(ColumnData data) {
    return data.getClass().getSimpleName().replace("Column", "").toLowerCase(java.util.Locale.ROOT);
  }
}
