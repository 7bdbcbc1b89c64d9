package dev.vitrina.core.table;

import dev.vitrina.core.validate.ValidationReport;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The requested fields of a file as typed columns, with the rows the row rules rejected and one
 * report of every problem (file, row, column, value, reason). Read one with {@link Tables#read}.
 *
 * <p>Row {@code i} (0-based, in file order) has {@link #rowNumber(int)} for messages: the physical
 * line for delimited text, the 1-based row for Parquet. Column arrays may be longer than {@link
 * #rows()}; only the first {@code rows()} entries are rows. A rejected row's values are still
 * there, so a reader skips it with {@link #isRejected(int)}. A reader adds its own rules (an
 * unknown id, a negative quantity) with {@link #reject}, and ends with {@link #finish}.
 */
public final class Table {

  /** The day of a missing or unparseable {@link FieldKind#DAY} value. */
  public static final int NO_DAY = Integer.MIN_VALUE;

  /** The value of a missing or unparseable {@link FieldKind#INT} value. */
  public static final int NO_INT = Integer.MIN_VALUE;

  /** The value of a missing or unparseable {@link FieldKind#TIMESTAMP} value. */
  public static final long NO_TIME = Long.MIN_VALUE;

  /** Values of one field, by kind. */
  public sealed interface Column permits Ids, Texts, Days, Ints, Floats, Doubles, Timestamps {}

  /** Ids as codes into {@code dictionary} in first-seen order; {@code -1} is missing. */
  public record Ids(int[] codes, String[] dictionary) implements Column {}

  /** Text values; {@code null} is missing. */
  public record Texts(String[] values) implements Column {}

  /**
   * Epoch days; {@link #NO_DAY} is missing or bad. {@code bad[i]}, when {@code bad} is not null, is
   * the text of a value that did not parse.
   */
  public record Days(int[] days, String[] bad) implements Column {}

  /** Integers; {@link #NO_INT} is missing or bad, {@code bad} as in {@link Days}. */
  public record Ints(int[] values, String[] bad) implements Column {}

  /** Floats (and flags as 1/0); NaN is missing or bad, {@code bad} as in {@link Days}. */
  public record Floats(float[] values, String[] bad) implements Column {}

  /** Doubles; NaN is missing or bad, {@code bad} as in {@link Days}. */
  public record Doubles(double[] values, String[] bad) implements Column {}

  /** Epoch milliseconds; {@link #NO_TIME} is missing or bad, {@code bad} as in {@link Days}. */
  public record Timestamps(long[] millis, String[] bad) implements Column {}

  private final TableSource source;
  private final List<Field> fields;
  private final List<String> columns;
  private final int rows;
  private final long[] rowNumbers;
  private final Column[] values;
  private final boolean[] present;
  private final boolean[] rejected;
  private boolean[] outOfScope;
  private final ValidationReport.Builder report;

  Table(
      TableSource source,
      List<Field> fields,
      List<String> columns,
      int rows,
      long[] rowNumbers,
      Column[] values,
      boolean[] present) {
    this.source = source;
    this.fields = fields;
    this.columns = columns;
    this.rows = rows;
    this.rowNumbers = rowNumbers;
    this.values = values;
    this.present = present;
    this.rejected = new boolean[rows];
    this.report = new ValidationReport.Builder(source.path().toString()).read(rows);
  }

  /** Where the rows came from. */
  public TableSource source() {
    return source;
  }

  /** The file's column names, in file order (positions {@code "1"}, ... without a header). */
  public List<String> columns() {
    return columns;
  }

  /** Data rows read, rejected ones included. */
  public int rows() {
    return rows;
  }

  /** The line (delimited text) or 1-based row (Parquet) of row {@code i}, for messages. */
  public long rowNumber(int i) {
    return rowNumbers == null ? i + 1L : rowNumbers[i];
  }

  /** Whether row {@code i} broke a rule. */
  public boolean isRejected(int i) {
    return rejected[i];
  }

  /**
   * Whether row {@code i} is in the {@link Tables.Scope} the table was read with (always true
   * without one). A row outside it was not checked by the row rules, and the reader skips it.
   */
  public boolean inScope(int i) {
    return outOfScope == null || !outOfScope[i];
  }

  /** Whether row {@code i} is in scope and was not rejected: a row the reader uses. */
  public boolean isUsable(int i) {
    return inScope(i) && !rejected[i];
  }

  void scope(boolean[] out) {
    this.outOfScope = out;
  }

  /** Rows rejected so far. */
  public long rejectedCount() {
    return report.rejectedCount();
  }

  /** Whether the file has the column of {@code field} (always true for a required field). */
  public boolean hasColumn(Field field) {
    return present[index(field)];
  }

  /** The values of {@code field}, which must be of the kind the accessor reads. */
  public Ids ids(Field field) {
    return (Ids) column(field, FieldKind.ID);
  }

  /** Text values of a {@link FieldKind#TEXT} field. */
  public Texts texts(Field field) {
    return (Texts) column(field, FieldKind.TEXT);
  }

  /** Days of a {@link FieldKind#DAY} field. */
  public Days days(Field field) {
    return (Days) column(field, FieldKind.DAY);
  }

  /** Integers of an {@link FieldKind#INT} field. */
  public Ints ints(Field field) {
    return (Ints) column(field, FieldKind.INT);
  }

  /** Values of a {@link FieldKind#FLOAT} or {@link FieldKind#FLAG} field. */
  public Floats floats(Field field) {
    int k = index(field);
    FieldKind kind = fields.get(k).kind();
    if (kind != FieldKind.FLOAT && kind != FieldKind.FLAG) {
      throw new IllegalArgumentException(field.parameter() + " is read as " + kind + ", not FLOAT");
    }
    return (Floats) values[k];
  }

  /** Values of a {@link FieldKind#DOUBLE} field. */
  public Doubles doubles(Field field) {
    return (Doubles) column(field, FieldKind.DOUBLE);
  }

  /** Epoch milliseconds of a {@link FieldKind#TIMESTAMP} field. */
  public Timestamps timestamps(Field field) {
    return (Timestamps) column(field, FieldKind.TIMESTAMP);
  }

  /** The id of row {@code i} of an {@link FieldKind#ID} field, or null when missing. */
  public String id(Field field, int i) {
    Ids ids = ids(field);
    int c = ids.codes()[i];
    return c < 0 ? null : ids.dictionary()[c];
  }

  /**
   * Rejects row {@code i} for a reader's own rule (a row rejected already keeps its first reason).
   *
   * @param kind the reason's group in the report, e.g. {@code "unknown store id"}
   * @param column the column the value came from
   * @param value the offending value as text
   * @param reason what is wrong and how to fix it
   */
  public void reject(int i, String kind, String column, String value, String reason) {
    if (rejected[i]) {
      return;
    }
    rejected[i] = true;
    report.reject(kind, rowNumber(i), column, value, reason);
  }

  /** The report being built, for what is not a rejection (e.g. duplicates merged). */
  public ValidationReport.Builder report() {
    return report;
  }

  /**
   * Ends the read: under {@link BadRowPolicy#FAIL} any rejected row is an error listing how many
   * rows broke which rule and the first of them; otherwise the report counts them.
   *
   * @param parameter the library parameter that skips and counts bad rows instead (named in the
   *     error's fix, e.g. {@code badRows})
   * @param skipValue the value of that parameter that does so (e.g. {@code SKIP_AND_REPORT})
   * @throws BadRowsException under FAIL when a row was rejected
   */
  public ValidationReport finish(BadRowPolicy policy, String parameter, String skipValue) {
    ValidationReport r = report.build();
    if (policy == BadRowPolicy.FAIL && r.rowsRejected() > 0) {
      throw new BadRowsException(r, source.rowWord(), parameter, skipValue);
    }
    return r;
  }

  /**
   * As {@link #finish(BadRowPolicy, String, String)}, with the fix as free text appended to the
   * error (for readers where no single parameter lets bad rows through).
   */
  public ValidationReport finish(BadRowPolicy policy, String fix) {
    ValidationReport r = report.build();
    if (policy == BadRowPolicy.FAIL && r.rowsRejected() > 0) {
      throw new BadRowsException(r, source.rowWord(), fix);
    }
    return r;
  }

  private Column column(Field field, FieldKind kind) {
    int k = index(field);
    if (fields.get(k).kind() != kind) {
      throw new IllegalArgumentException(
          field.parameter() + " is read as " + fields.get(k).kind() + ", not " + kind);
    }
    return values[k];
  }

  private int index(Field field) {
    int k = fields.indexOf(field);
    if (k < 0) {
      throw new IllegalArgumentException(
          field.parameter() + " was not among the fields read: " + fields);
    }
    return k;
  }

  /**
   * What a {@link TableFormat} fills: the file's columns, the rows, and one column per requested
   * field. A field not put is absent from the file (all values missing).
   */
  public static final class Builder {
    private final TableSource source;
    private final List<Field> fields;
    private List<String> columns = List.of();
    private int rows = -1;
    private long[] rowNumbers;
    private String[] malformed;
    private final Column[] values;

    Builder(TableSource source, List<Field> fields) {
      this.source = source;
      this.fields = fields;
      this.values = new Column[fields.size()];
    }

    /** The fields asked for, in order. */
    public List<Field> fields() {
      return fields;
    }

    /** The file's column names as put so far. */
    public List<String> columns() {
      return columns;
    }

    /** The file's column names, for messages. */
    public Builder columns(List<String> names) {
      this.columns = List.copyOf(names);
      return this;
    }

    /**
     * The rows decoded.
     *
     * @param n data rows
     * @param numbers each row's line or row number for messages, or null for 1..n
     * @param malformed per row, why its shape is wrong (e.g. "has 5 fields, the header has 4 (too
     *     many)"), or null for none; such a row is rejected before any value rule
     */
    public Builder rows(int n, long[] numbers, String[] malformed) {
      this.rows = n;
      this.rowNumbers = numbers;
      this.malformed = malformed;
      return this;
    }

    /** The values of field {@code k} (an index into {@link #fields()}). */
    public Builder put(int k, Column column) {
      values[k] = Objects.requireNonNull(column, "column");
      return this;
    }

    Table build() {
      if (rows < 0) {
        throw new IllegalStateException("the format did not set the rows");
      }
      boolean[] present = new boolean[fields.size()];
      for (int k = 0; k < values.length; k++) {
        present[k] = values[k] != null;
        if (values[k] == null) {
          values[k] = missing(fields.get(k).kind(), rows);
        }
      }
      Table t = new Table(source, fields, columns, rows, rowNumbers, values, present);
      if (malformed != null) {
        for (int i = 0; i < rows; i++) {
          if (malformed[i] != null) {
            t.reject(
                i,
                "malformed row",
                "(row)",
                malformed[i],
                "field count differs from the header; check the delimiter and quoting of this line");
          }
        }
      }
      return t;
    }

    private static Column missing(FieldKind kind, int n) {
      return switch (kind) {
        case ID -> {
          int[] c = new int[n];
          Arrays.fill(c, -1);
          yield new Ids(c, new String[0]);
        }
        case TEXT -> new Texts(new String[n]);
        case DAY -> {
          int[] d = new int[n];
          Arrays.fill(d, NO_DAY);
          yield new Days(d, null);
        }
        case INT -> {
          int[] d = new int[n];
          Arrays.fill(d, NO_INT);
          yield new Ints(d, null);
        }
        case FLOAT, FLAG -> {
          float[] f = new float[n];
          Arrays.fill(f, Float.NaN);
          yield new Floats(f, null);
        }
        case DOUBLE -> {
          double[] f = new double[n];
          Arrays.fill(f, Double.NaN);
          yield new Doubles(f, null);
        }
        case TIMESTAMP -> {
          long[] t = new long[n];
          Arrays.fill(t, NO_TIME);
          yield new Timestamps(t, null);
        }
      };
    }
  }
}
