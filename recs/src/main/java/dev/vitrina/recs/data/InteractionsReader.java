package dev.vitrina.recs.data;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.table.Field;
import dev.vitrina.core.table.FieldKind;
import dev.vitrina.core.table.Table;
import dev.vitrina.core.table.TableSource;
import dev.vitrina.core.table.Tables;
import dev.vitrina.core.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads interactions in any supported file format, chosen by name or detected from the path: {@code
 * movielens} ({@code u.data} / {@code ratings.dat} or their folder), {@code parquet}, {@code csv},
 * {@code tsv}. This is the single entry point the command line and services use.
 *
 * <p>Every format goes through core's table layer ({@link Tables}): the columns named by a {@link
 * DelimitedFormat} are read as typed fields, the shared row rules reject malformed rows, missing
 * ids, values or timestamps and values that do not parse, and the rules of interactions reject what
 * is left wrong: an implicit value that is not a finite number {@code >= 0}, an explicit one that
 * is not finite, an event without a weight. Every rejected row is in the {@link ValidationReport}
 * ({@link Interactions#readReport()}) with file, line (delimited text) or row (Parquet), column,
 * value and reason; under {@link dev.vitrina.core.table.BadRowPolicy#FAIL} the read fails after
 * scanning the whole file, listing the count per rule and the first rows.
 *
 * <p>Time and memory are linear in the file: the typed columns read plus the interactions built.
 */
public final class InteractionsReader {

  /** The accepted format names. */
  public static final String FORMATS = "auto, movielens, sequences, parquet, csv, tsv";

  /** How to get bad rows through, appended to a {@link dev.vitrina.core.table.BadRowsException}. */
  static final String BAD_ROWS_FIX =
      "fix the file or the column options, or skip and report bad rows with"
          + " BadRowPolicy.SKIP_AND_REPORT (--skip-bad-rows)";

  private InteractionsReader() {}

  /**
   * Reads {@code data}.
   *
   * @param data the file (or a MovieLens folder)
   * @param format one of {@link #FORMATS}; {@code auto} picks MovieLens for a folder holding {@code
   *     u.data} or {@code ratings.dat} and for those file names, {@code sequences} (one user per
   *     line, see {@link ItemSequences#readAll}) for a folder holding {@code train/input.txt},
   *     Parquet for {@code .parquet}, TSV for {@code .tsv}, and CSV otherwise
   * @param columns column names, value or event column, feedback and bad-row policy (for CSV, TSV
   *     and Parquet; MovieLens files have fixed columns)
   * @throws ParameterException for an unknown format name, a path that is not a file, or a column
   *     the file lacks (naming the parameter, e.g. {@code userColumn})
   * @throws dev.vitrina.core.table.BadRowsException under FAIL when a row broke a rule
   * @throws dev.vitrina.core.validate.NoRowsException when no row is left
   * @throws dev.vitrina.core.validate.InvalidFileException when the file cannot be decoded
   */
  public static Interactions read(Path data, String format, DelimitedFormat columns)
      throws IOException {
    String f = resolveFormat(data, format);
    if (f.equals("sequences")) {
      return ItemSequences.readAll(data);
    }
    if (!f.equals("movielens") && !Files.isRegularFile(data)) {
      throw new ParameterException(
          "data", "names no file: " + data + "; give an interactions file (" + f + ")");
    }
    if (f.equals("movielens")) {
      return MovieLensReader.read(data, columns.badRows());
    }
    DelimitedFormat c = f.equals("tsv") ? columns.withDelimiter("\t") : columns;
    Interactions.Builder b = Interactions.builder(c.feedback());
    readInto(source(data, f.equals("parquet") ? "parquet" : "csv", c), c, b);
    return b.build();
  }

  /**
   * The table source for {@code path} read as {@code format} with {@code columns}' text options.
   */
  static TableSource source(Path path, String format, DelimitedFormat columns) {
    return new TableSource(path, format, columns.delimiter(), columns.header(), columns.charset());
  }

  /**
   * Reads the interactions of {@code source} into {@code b} and attaches the read report.
   *
   * @throws dev.vitrina.core.table.BadRowsException under FAIL when a row broke a rule
   * @throws dev.vitrina.core.validate.NoRowsException when no row is left
   */
  static void readInto(TableSource source, DelimitedFormat format, Interactions.Builder b)
      throws IOException {
    Field user = Field.required("userColumn", "user id", format.userColumn(), FieldKind.ID);
    Field item = Field.required("itemColumn", "item id", format.itemColumn(), FieldKind.ID);
    Field value =
        format.valueColumn() == null
            ? null
            : Field.required("valueColumn", "value", format.valueColumn(), FieldKind.FLOAT);
    Field time =
        format.timestampColumn() == null
            ? null
            : Field.required(
                    "timestampColumn", "timestamp", format.timestampColumn(), FieldKind.TIMESTAMP)
                .withUnit(format.timestampUnit());
    Field event =
        format.eventColumn() == null
            ? null
            : Field.required("eventColumn", "event", format.eventColumn(), FieldKind.TEXT);
    List<Field> fields = new ArrayList<>(List.of(user, item));
    for (Field f : new Field[] {value, time, event}) {
      if (f != null) {
        fields.add(f);
      }
    }
    Table t = Tables.read(source, fields);
    Table.Ids users = t.ids(user);
    Table.Ids items = t.ids(item);
    float[] values = value == null ? null : t.floats(value).values();
    long[] times = time == null ? null : t.timestamps(time).millis();
    String[] events = event == null ? null : t.texts(event).values();
    boolean implicit = format.feedback() == Feedback.IMPLICIT;
    for (int i = 0; i < t.rows(); i++) {
      if (t.isRejected(i)) {
        continue;
      }
      float v = 1f;
      if (values != null) {
        v = values[i];
        if (!Float.isFinite(v) || (implicit && v < 0)) {
          t.reject(
              i,
              implicit ? "value not a finite number >= 0" : "non-finite value",
              value.column(),
              number(v),
              implicit
                  ? "implicit values (counts, weights) must be finite numbers >= 0; read ratings"
                      + " as explicit feedback"
                  : "values must be finite numbers");
          continue;
        }
      }
      if (events != null) {
        Float w = format.eventWeights().get(events[i]);
        if (w == null) {
          t.reject(
              i,
              "event without a weight",
              event.column(),
              events[i],
              "'"
                  + events[i]
                  + "' has no weight; known events: "
                  + format.eventWeights().keySet()
                  + "; add it to the event weights");
          continue;
        }
        v = w;
      }
      String u = users.dictionary()[users.codes()[i]];
      String it = items.dictionary()[items.codes()[i]];
      if (times != null) {
        b.add(u, it, v, times[i]);
      } else {
        b.add(u, it, v);
      }
    }
    ValidationReport r = t.finish(format.badRows(), BAD_ROWS_FIX);
    r.requireRows("no interactions read; check the file and the column options");
    b.report(r);
  }

  /** A float as written: {@code 2} rather than {@code 2.0} for whole numbers. */
  private static String number(float v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Float.toString(v);
  }

  /** The concrete format for {@code path} ({@code auto} resolved). */
  public static String resolveFormat(Path path, String format) {
    String f = format == null ? "auto" : format.trim().toLowerCase(Locale.ROOT);
    switch (f) {
      case "movielens", "sequences", "parquet", "csv", "tsv":
        return f;
      case "auto":
        break;
      default:
        throw new ParameterException(
            "format", "'" + format + "' is not an interactions format; use one of " + FORMATS);
    }
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (Files.isDirectory(path)) {
      if (Files.exists(path.resolve("u.data")) || Files.exists(path.resolve("ratings.dat"))) {
        return "movielens";
      }
      if (Files.exists(path.resolve("train").resolve("input.txt"))) {
        return "sequences";
      }
      if (Files.exists(path.resolve("interactions.parquet"))) {
        throw new ParameterException(
            "data",
            "names a folder, "
                + path
                + "; give the file itself, e.g. "
                + path.resolve("interactions.parquet"));
      }
      throw new ParameterException(
          "data",
          "names a folder without u.data or ratings.dat, "
              + path
              + "; give an interactions file (.parquet, .csv, .tsv)");
    }
    if (lower.equals("u.data") || lower.endsWith(".dat")) {
      return "movielens";
    }
    if (lower.endsWith(".parquet")) {
      return "parquet";
    }
    if (lower.endsWith(".tsv") || lower.endsWith(".tab")) {
      return "tsv";
    }
    return "csv";
  }
}
