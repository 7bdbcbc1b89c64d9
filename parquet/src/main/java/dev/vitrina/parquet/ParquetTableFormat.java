package dev.vitrina.parquet;

import dev.vitrina.core.table.Field;
import dev.vitrina.core.table.FieldKind;
import dev.vitrina.core.table.Table;
import dev.vitrina.core.table.TableFormat;
import dev.vitrina.core.table.TableSource;
import dev.vitrina.core.table.Tables;
import dev.vitrina.core.validate.InvalidFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parquet as a {@link TableFormat} ({@code parquet}): each field is read as a whole column and
 * converted to its kind. Ids may be STRING, INT32 or INT64; numbers any numeric column or numeric
 * text; days a DATE, a TIMESTAMP (in its own zone, see {@link ParquetReader#dateZone}), an INT64 of
 * epoch milliseconds or {@code yyyy-MM-dd} text; timestamps a TIMESTAMP, a DATE (midnight UTC),
 * integers in the field's unit or text. Text and id dictionaries are converted once per distinct
 * value, not per row. A column whose type the kind cannot be read from fails naming the column and
 * its type. Rows are 1-based row numbers.
 */
public final class ParquetTableFormat implements TableFormat {

  @Override
  public String name() {
    return "parquet";
  }

  /** The readable columns of the schema, from the footer. */
  @Override
  public List<String> columns(TableSource source) throws IOException {
    try (ParquetReader r = ParquetReader.open(source.path())) {
      return r.schema().stream().map(ColumnSpec::name).toList();
    }
  }

  @Override
  public void decode(TableSource source, List<Field> fields, Table.Builder out) throws IOException {
    try (ParquetReader r = ParquetReader.open(source.path())) {
      List<String> names = r.schema().stream().map(ColumnSpec::name).toList();
      out.columns(names);
      for (Field f : fields) {
        if (f.required() && !r.hasColumn(f.column())) {
          throw Tables.missingColumn(source, f, names);
        }
      }
      long rows = r.numRows();
      if (rows > Integer.MAX_VALUE - 8) {
        throw new InvalidFileException(
            source.path() + " has " + rows + " rows, more than one table holds; split the file");
      }
      int n = (int) rows;
      out.rows(n, null, null);
      for (int k = 0; k < fields.size(); k++) {
        Field f = fields.get(k);
        if (r.hasColumn(f.column())) {
          out.put(k, convert(source, r, f, n));
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static Table.Column convert(TableSource source, ParquetReader r, Field f, int n)
      throws IOException {
    ColumnType type = typeOf(r, f.column());
    ColumnData d =
        f.kind() == dev.vitrina.core.table.FieldKind.DAY
                && (type == ColumnType.DATE || type == ColumnType.TIMESTAMP_MILLIS)
            ? r.readDays(f.column())
            : r.readColumn(f.column());
    Table.Column c =
        switch (f.kind()) {
          case ID -> ids(d);
          case TEXT -> texts(d, n);
          case DAY -> days(d, n);
          case INT -> ints(d, n);
          case FLOAT -> floats(d, n, false);
          case FLAG -> floats(d, n, true);
          case DOUBLE -> doubles(d, n);
          case TIMESTAMP -> timestamps(d, type, n, f);
        };
    if (c == null) {
      throw new InvalidFileException(
          source.path()
              + ": column '"
              + f.column()
              + "' ("
              + f.label()
              + ") is "
              + type
              + ", which cannot be read as "
              + f.kind().name().toLowerCase(Locale.ROOT)
              + "; name a column of a suitable type ("
              + f.parameter()
              + ") or convert this one");
    }
    return c;
  }

  /**
   * The column's type; for a column the reader cannot read (nested, UUID, ...) the reader's error,
   * naming the column and its Parquet type.
   */
  private static ColumnType typeOf(ParquetReader r, String column) throws IOException {
    for (ColumnSpec s : r.schema()) {
      if (s.name().equals(column)) {
        return s.type();
      }
    }
    r.readColumn(column); // throws InvalidFileException saying why the column cannot be read
    throw new IllegalStateException("column '" + column + "' is readable but not in the schema");
  }

  /** Ids: strings trimmed (empty is missing) with the dictionary merged after trimming. */
  private static Table.Ids ids(ColumnData d) {
    return switch (d) {
      case StringColumn s -> {
        String[] dict = s.dictionary();
        int[] map = new int[dict.length];
        Map<String, Integer> seen = new HashMap<>();
        String[] merged = new String[dict.length];
        int m = 0;
        for (int k = 0; k < dict.length; k++) {
          String t = dict[k].trim();
          if (t.isEmpty()) {
            map[k] = -1;
            continue;
          }
          Integer c = seen.get(t);
          if (c == null) {
            c = m;
            seen.put(t, c);
            merged[m++] = t;
          }
          map[k] = c;
        }
        int[] codes = new int[s.size()];
        int[] src = s.codes();
        for (int i = 0; i < codes.length; i++) {
          codes[i] = src[i] < 0 ? -1 : map[src[i]];
        }
        yield new Table.Ids(codes, Arrays.copyOf(merged, m));
      }
      case IntColumn c -> {
        long[] v = new long[c.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = c.isNull(i) ? Long.MIN_VALUE : c.values()[i];
        }
        yield integerIds(v, c.nulls());
      }
      case LongColumn c -> integerIds(Arrays.copyOf(c.values(), c.size()), c.nulls());
      default -> null;
    };
  }

  private static Table.Ids integerIds(long[] v, java.util.BitSet nulls) {
    Map<Long, Integer> seen = new HashMap<>();
    int[] codes = new int[v.length];
    String[] dict = new String[16];
    int m = 0;
    for (int i = 0; i < v.length; i++) {
      if (nulls != null && nulls.get(i)) {
        codes[i] = -1;
        continue;
      }
      Integer c = seen.get(v[i]);
      if (c == null) {
        c = m;
        seen.put(v[i], c);
        if (m == dict.length) {
          dict = Arrays.copyOf(dict, m * 2);
        }
        dict[m++] = Long.toString(v[i]);
      }
      codes[i] = c;
    }
    return new Table.Ids(codes, Arrays.copyOf(dict, m));
  }

  private static Table.Texts texts(ColumnData d, int n) {
    String[] out = new String[n];
    switch (d) {
      case StringColumn s -> {
        for (int i = 0; i < n; i++) {
          String v = s.get(i);
          out[i] = v == null || v.isBlank() ? null : v.trim();
        }
      }
      case IntColumn c -> {
        for (int i = 0; i < n; i++) {
          out[i] = c.isNull(i) ? null : Integer.toString(c.values()[i]);
        }
      }
      case LongColumn c -> {
        for (int i = 0; i < n; i++) {
          out[i] = c.isNull(i) ? null : Long.toString(c.values()[i]);
        }
      }
      case BooleanColumn c -> {
        for (int i = 0; i < n; i++) {
          out[i] = c.isNull(i) ? null : Boolean.toString(c.values()[i]);
        }
      }
      default -> {
        return null;
      }
    }
    return new Table.Texts(out);
  }

  private static Table.Days days(ColumnData d, int n) {
    int[] day = new int[n];
    String[] bad = null;
    switch (d) {
      case IntColumn c -> {
        for (int i = 0; i < n; i++) {
          day[i] = c.isNull(i) ? Table.NO_DAY : c.values()[i];
        }
      }
      case LongColumn c -> {
        for (int i = 0; i < n; i++) {
          day[i] = c.isNull(i) ? Table.NO_DAY : (int) Math.floorDiv(c.values()[i], 86_400_000L);
        }
      }
      case StringColumn s -> {
        String[] dict = s.dictionary();
        int[] dictDays = new int[dict.length];
        for (int k = 0; k < dict.length; k++) {
          dictDays[k] = parseDay(dict[k]);
        }
        for (int i = 0; i < n; i++) {
          int code = s.codes()[i];
          if (code < 0 || dict[code].isBlank()) {
            day[i] = Table.NO_DAY;
          } else {
            day[i] = dictDays[code];
            if (day[i] == Table.NO_DAY) {
              bad = bad == null ? new String[n] : bad;
              bad[i] = dict[code];
            }
          }
        }
      }
      default -> {
        return null;
      }
    }
    return new Table.Days(day, bad);
  }

  private static int parseDay(String s) {
    try {
      return (int) LocalDate.parse(s.trim()).toEpochDay();
    } catch (DateTimeParseException e) {
      return Table.NO_DAY;
    }
  }

  private static Table.Ints ints(ColumnData d, int n) {
    int[] v = new int[n];
    String[] bad = null;
    switch (d) {
      case IntColumn c -> {
        for (int i = 0; i < n; i++) {
          v[i] = c.isNull(i) ? Table.NO_INT : c.values()[i];
        }
      }
      case LongColumn c -> {
        for (int i = 0; i < n; i++) {
          long x = c.values()[i];
          if (c.isNull(i)) {
            v[i] = Table.NO_INT;
          } else if (x != (int) x || x == Table.NO_INT) {
            v[i] = Table.NO_INT;
            bad = bad == null ? new String[n] : bad;
            bad[i] = Long.toString(x);
          } else {
            v[i] = (int) x;
          }
        }
      }
      case StringColumn s -> {
        for (int i = 0; i < n; i++) {
          String t = s.get(i);
          v[i] = Table.NO_INT;
          if (t != null && !t.isBlank()) {
            try {
              v[i] = Integer.parseInt(t.trim());
            } catch (NumberFormatException e) {
              bad = bad == null ? new String[n] : bad;
              bad[i] = t;
            }
          }
        }
      }
      default -> {
        return null;
      }
    }
    return new Table.Ints(v, bad);
  }

  private static Table.Floats floats(ColumnData d, int n, boolean flag) {
    float[] v = new float[n];
    String[] bad = null;
    switch (d) {
      case FloatColumn c -> System.arraycopy(c.values(), 0, v, 0, n);
      case DoubleColumn c -> {
        for (int i = 0; i < n; i++) {
          v[i] = (float) c.values()[i];
        }
      }
      case IntColumn c -> {
        for (int i = 0; i < n; i++) {
          v[i] = c.isNull(i) ? Float.NaN : c.values()[i];
        }
      }
      case LongColumn c -> {
        for (int i = 0; i < n; i++) {
          v[i] = c.isNull(i) ? Float.NaN : c.values()[i];
        }
      }
      case BooleanColumn c -> {
        for (int i = 0; i < n; i++) {
          v[i] = c.isNull(i) ? Float.NaN : (c.values()[i] ? 1f : 0f);
        }
      }
      case StringColumn s -> {
        String[] dict = s.dictionary();
        float[] parsed = new float[dict.length];
        for (int k = 0; k < dict.length; k++) {
          parsed[k] = flag ? FieldKind.flag(dict[k]) : number(dict[k]);
        }
        for (int i = 0; i < n; i++) {
          int code = s.codes()[i];
          if (code < 0 || dict[code].isBlank()) {
            v[i] = Float.NaN;
          } else {
            v[i] = parsed[code];
            if (Float.isNaN(v[i])) {
              bad = bad == null ? new String[n] : bad;
              bad[i] = dict[code];
            }
          }
        }
      }
    }
    return new Table.Floats(v, bad);
  }

  private static float number(String s) {
    try {
      return Float.parseFloat(s.trim());
    } catch (NumberFormatException e) {
      return Float.NaN;
    }
  }

  private static Table.Doubles doubles(ColumnData d, int n) {
    double[] v = new double[n];
    String[] bad = null;
    switch (d) {
      case FloatColumn c -> {
        for (int i = 0; i < n; i++) {
          v[i] = widen(c.values()[i]);
        }
      }
      case DoubleColumn c -> System.arraycopy(c.values(), 0, v, 0, n);
      case BooleanColumn c -> {
        for (int i = 0; i < n; i++) {
          v[i] = c.isNull(i) ? Double.NaN : (c.values()[i] ? 1 : 0);
        }
      }
      case IntColumn c -> {
        for (int i = 0; i < n; i++) {
          v[i] = c.isNull(i) ? Double.NaN : c.values()[i];
        }
      }
      case LongColumn c -> {
        for (int i = 0; i < n; i++) {
          v[i] = c.isNull(i) ? Double.NaN : c.values()[i];
        }
      }
      case StringColumn s -> {
        for (int i = 0; i < n; i++) {
          String t = s.get(i);
          v[i] = Double.NaN;
          if (t != null && !t.isBlank()) {
            try {
              v[i] = Double.parseDouble(t.trim());
            } catch (NumberFormatException e) {
              v[i] = Double.NaN;
            }
            if (Double.isNaN(v[i])) { // "NaN" written out is not a value, as in text
              bad = bad == null ? new String[n] : bad;
              bad[i] = t;
            }
          }
        }
      }
      default -> {
        return null;
      }
    }
    return new Table.Doubles(v, bad);
  }

  /**
   * A float as the double its shortest decimal names ({@code 0.1f} is 0.1, not
   * 0.10000000149011612), so a FLOAT column reads as the same numbers as the text a writer would
   * export from it.
   */
  private static double widen(float f) {
    double d = f;
    return d == Math.rint(d) || !Float.isFinite(f) ? d : Double.parseDouble(Float.toString(f));
  }

  private static Table.Timestamps timestamps(ColumnData d, ColumnType type, int n, Field f) {
    long[] v = new long[n];
    String[] bad = null;
    switch (d) {
      case IntColumn c -> { // DATE: days; other INT32: integers in the field's unit
        for (int i = 0; i < n; i++) {
          v[i] =
              c.isNull(i)
                  ? Table.NO_TIME
                  : type == ColumnType.DATE
                      ? c.values()[i] * 86_400_000L
                      : f.unit().fromInteger(c.values()[i]);
        }
      }
      case LongColumn c -> { // TIMESTAMP: milliseconds; other INT64: the field's unit
        for (int i = 0; i < n; i++) {
          if (c.isNull(i)) {
            v[i] = Table.NO_TIME;
          } else if (type == ColumnType.TIMESTAMP_MILLIS) {
            v[i] = c.values()[i];
          } else {
            try {
              v[i] = f.unit().fromInteger(c.values()[i]);
            } catch (ArithmeticException e) { // seconds beyond the millisecond range
              v[i] = Table.NO_TIME;
              bad = bad == null ? new String[n] : bad;
              bad[i] = Long.toString(c.values()[i]);
            }
          }
        }
      }
      case StringColumn s -> {
        for (int i = 0; i < n; i++) {
          String t = s.get(i);
          v[i] = Table.NO_TIME;
          if (t != null && !t.isBlank()) {
            try {
              v[i] = f.unit().parse(t);
            } catch (IllegalArgumentException e) {
              bad = bad == null ? new String[n] : bad;
              bad[i] = t;
            }
          }
        }
      }
      default -> {
        return null;
      }
    }
    return new Table.Timestamps(v, bad);
  }
}
