package dev.vitrina.recs.data;

import dev.vitrina.core.table.TimestampUnit;
import dev.vitrina.parquet.ColumnData;
import dev.vitrina.parquet.ColumnSpec;
import dev.vitrina.parquet.ColumnType;
import dev.vitrina.parquet.DoubleColumn;
import dev.vitrina.parquet.FloatColumn;
import dev.vitrina.parquet.IntColumn;
import dev.vitrina.parquet.LongColumn;
import dev.vitrina.parquet.ParquetReader;
import dev.vitrina.parquet.StringColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads interactions from a flat Parquet file (for example the {@code interactions.parquet} that
 * {@code vitrina generate} writes: {@code user_id, item_id, timestamp, event}). The columns, the
 * value or event column, the feedback kind and the bad-row policy come from a {@link
 * DelimitedFormat}; its delimiter, header and charset do not apply.
 *
 * <p>Ids may be STRING, INT32 or INT64 columns. Values may be any numeric column. Timestamps may be
 * TIMESTAMP (any unit, floored to milliseconds), DATE (midnight UTC), integers in the format's
 * {@link TimestampUnit} (seconds or milliseconds), or strings parsed in that unit. A null id,
 * value, timestamp or unknown event is a bad row, reported by its 1-based row number.
 *
 * <p>Memory: the columns read plus the interactions built from them.
 */
public final class ParquetInteractionsReader {

  private ParquetInteractionsReader() {}

  /** Reads {@code file} as described by {@code format}. */
  public static Interactions read(Path file, DelimitedFormat format) throws IOException {
    Interactions.Builder b = Interactions.builder(format.feedback());
    readInto(file, format, b);
    return b.build();
  }

  /** Reads {@code file} into an existing builder and attaches the read report to it. */
  static void readInto(Path file, DelimitedFormat format, Interactions.Builder b)
      throws IOException {
    String name = file.getFileName().toString();
    try (ParquetReader in = ParquetReader.open(file)) {
      List<ColumnSpec> schema = in.schema();
      ColumnData users = column(in, schema, format.userColumn(), "user", file);
      ColumnData items = column(in, schema, format.itemColumn(), "item", file);
      ColumnData values =
          format.valueColumn() == null
              ? null
              : column(in, schema, format.valueColumn(), "value", file);
      ColumnData times =
          format.timestampColumn() == null
              ? null
              : column(in, schema, format.timestampColumn(), "timestamp", file);
      ColumnData events =
          format.eventColumn() == null
              ? null
              : column(in, schema, format.eventColumn(), "event", file);
      checkKind(users, format.userColumn(), "user", file);
      checkKind(items, format.itemColumn(), "item", file);
      if (values != null
          && !(values instanceof IntColumn
              || values instanceof LongColumn
              || values instanceof FloatColumn
              || values instanceof DoubleColumn)) {
        throw new InteractionsFormatException(
            file
                + ": value column '"
                + format.valueColumn()
                + "' is "
                + typeOf(schema, format.valueColumn())
                + ", not a number; name a numeric column (--value-col)");
      }
      if (events != null && !(events instanceof StringColumn)) {
        throw new InteractionsFormatException(
            file
                + ": event column '"
                + format.eventColumn()
                + "' is "
                + typeOf(schema, format.eventColumn())
                + ", not a string column of event names");
      }
      ColumnType timeType = times == null ? null : specOf(schema, format.timestampColumn()).type();
      RowProblems problems = new RowProblems(file.toString(), format.badRows());
      int before = b.size();
      long n = in.numRows();
      for (int r = 0; r < n; r++) {
        problems.rowRead();
        String where = name + ": row " + (r + 1) + ": ";
        String u = id(users, r);
        String it = id(items, r);
        if (u == null || it == null) {
          problems.reject(
              where
                  + "column '"
                  + (u == null ? format.userColumn() : format.itemColumn())
                  + "' is null or empty");
          continue;
        }
        float v = 1f;
        if (values != null) {
          if (values.isNull(r)) {
            problems.reject(where + "column '" + format.valueColumn() + "' (value) is null");
            continue;
          }
          v = (float) number(values, r);
          if (!Float.isFinite(v) || (format.feedback() == Feedback.IMPLICIT && v < 0)) {
            problems.reject(
                where
                    + "column '"
                    + format.valueColumn()
                    + "' (value): "
                    + v
                    + (format.feedback() == Feedback.IMPLICIT
                        ? " must be a finite number >= 0 for implicit feedback"
                        : " must be finite"));
            continue;
          }
        }
        if (events != null) {
          String e = ((StringColumn) events).get(r);
          Float w = e == null ? null : format.eventWeights().get(e);
          if (w == null) {
            problems.reject(
                where
                    + "column '"
                    + format.eventColumn()
                    + "' (event): '"
                    + e
                    + "' has no weight; known events: "
                    + format.eventWeights().keySet());
            continue;
          }
          v = w;
        }
        if (times != null) {
          if (times.isNull(r)) {
            problems.reject(
                where + "column '" + format.timestampColumn() + "' (timestamp) is null");
            continue;
          }
          long t;
          try {
            t = millis(times, timeType, r, format.timestampUnit());
          } catch (IllegalArgumentException ex) {
            problems.reject(
                where
                    + "column '"
                    + format.timestampColumn()
                    + "' (timestamp): "
                    + ex.getMessage());
            continue;
          }
          b.add(u, it, v, t);
        } else {
          b.add(u, it, v);
        }
      }
      b.report(problems.finish(b.size() - before));
    }
  }

  private static ColumnData column(
      ParquetReader in, List<ColumnSpec> schema, String name, String role, Path file)
      throws IOException {
    if (!in.hasColumn(name)) {
      throw new InteractionsFormatException(
          file
              + ": no "
              + role
              + " column '"
              + name
              + "'; the file has "
              + schema.stream().map(ColumnSpec::name).toList()
              + "; name the right column (e.g. --"
              + role
              + "-col)");
    }
    return in.readColumn(name);
  }

  private static ColumnSpec specOf(List<ColumnSpec> schema, String name) {
    for (ColumnSpec c : schema) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static String typeOf(List<ColumnSpec> schema, String name) {
    return specOf(schema, name).type().name();
  }

  private static void checkKind(ColumnData c, String name, String role, Path file)
      throws InteractionsFormatException {
    if (!(c instanceof StringColumn || c instanceof IntColumn || c instanceof LongColumn)) {
      throw new InteractionsFormatException(
          file
              + ": "
              + role
              + " column '"
              + name
              + "' must hold string or integer ids, got "
              + c.getClass().getSimpleName());
    }
  }

  private static String id(ColumnData c, int r) {
    if (c.isNull(r)) {
      return null;
    }
    String s =
        switch (c) {
          case StringColumn s1 -> s1.get(r).trim();
          case IntColumn i -> Integer.toString(i.get(r));
          case LongColumn l -> Long.toString(l.get(r));
          default -> throw new IllegalStateException("checked above");
        };
    return s.isEmpty() ? null : s;
  }

  private static double number(ColumnData c, int r) {
    return switch (c) {
      case IntColumn i -> i.get(r);
      case LongColumn l -> l.get(r);
      case FloatColumn f -> f.get(r);
      case DoubleColumn d -> d.get(r);
      default -> throw new IllegalStateException("checked above");
    };
  }

  private static long millis(ColumnData c, ColumnType type, int r, TimestampUnit unit) {
    return switch (type) {
      case TIMESTAMP_MILLIS -> ((LongColumn) c).get(r);
      case DATE -> ((IntColumn) c).get(r) * 86_400_000L;
      case INT32 -> unit.parse(Integer.toString(((IntColumn) c).get(r)));
      case INT64 -> unit.parse(Long.toString(((LongColumn) c).get(r)));
      case STRING -> unit.parse(((StringColumn) c).get(r));
      default ->
          throw new IllegalArgumentException(
              "a " + type + " column is not a timestamp; use a TIMESTAMP, DATE, integer or string");
    };
  }
}
