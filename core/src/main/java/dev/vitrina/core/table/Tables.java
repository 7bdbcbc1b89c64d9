package dev.vitrina.core.table;

import dev.vitrina.core.check.ParameterException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads tables: finds the {@link TableFormat} for a source, decodes the requested fields and
 * applies the row rules every reader shares, in field order:
 *
 * <ol>
 *   <li>a row whose field count differs from the header's is rejected as {@code malformed row};
 *   <li>a required field whose value is missing is rejected as {@code null <label>};
 *   <li>a value that does not parse as its kind, required or optional, is rejected ({@code
 *       unparseable <label>} for days, timestamps and flags, {@code non-numeric <label>} for
 *       numbers, {@code non-integer <label>} for integers). An optional field may be missing, but a
 *       value that is there and wrong is never read as missing.
 * </ol>
 *
 * The reader then adds its own rules with {@link Table#reject} and ends with {@link Table#finish}.
 * A reader that uses only some rows (those of one experiment in a shared log) reads with a {@link
 * Scope}: rows outside it are neither checked nor rejected, so a problem there does not stop the
 * read. A malformed row is rejected whatever the scope, since its values cannot be trusted to
 * decide it.
 */
public final class Tables {

  private Tables() {}

  /**
   * Which rows a reader uses, decided on the decoded values before the row rules (e.g. the rows
   * whose experiment column names the analyzed experiment). The rows outside it still count as read
   * in the report.
   */
  @FunctionalInterface
  public interface Scope {
    /** Whether row {@code i} of {@code table} is used. */
    boolean includes(Table table, int i);
  }

  /**
   * Reads {@code fields} of {@code source}.
   *
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws ParameterException when a required field's column is absent, or the format is unknown
   * @throws dev.vitrina.core.validate.InvalidFileException when the file cannot be decoded
   */
  public static Table read(TableSource source, List<Field> fields) throws IOException {
    return read(source, fields, null);
  }

  /**
   * Reads {@code fields} of {@code source}, checking only the rows in {@code scope} (all rows when
   * null); see {@link #read(TableSource, List)}.
   */
  public static Table read(TableSource source, List<Field> fields, Scope scope) throws IOException {
    List<Field> fs = List.copyOf(fields);
    Set<Field> seen = new HashSet<>();
    for (Field f : fs) {
      if (!seen.add(f)) {
        throw new IllegalArgumentException("field " + f.parameter() + " is requested twice");
      }
    }
    Table.Builder b = new Table.Builder(source, fs);
    format(source.resolvedFormat()).decode(source, fs, b);
    Table t = b.build();
    if (scope != null) {
      boolean[] out = new boolean[t.rows()];
      for (int i = 0; i < out.length; i++) {
        out[i] = !t.isRejected(i) && !scope.includes(t, i);
      }
      t.scope(out);
    }
    applyFieldRules(t, fs);
    return t;
  }

  /**
   * The column names of {@code source} in file order (positions {@code "1"}, ... without a header),
   * read from the header or the Parquet footer without reading the rows, so a reader can choose its
   * fields by the columns a file has.
   *
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws dev.vitrina.core.validate.InvalidFileException when the file is not of its format
   */
  public static List<String> columns(TableSource source) throws IOException {
    return format(source.resolvedFormat()).columns(source);
  }

  /** The registered formats by name. */
  public static Map<String, TableFormat> formats() {
    Map<String, TableFormat> out = new TreeMap<>();
    for (TableFormat f : ServiceLoader.load(TableFormat.class, Tables.class.getClassLoader())) {
      out.putIfAbsent(f.name(), f);
    }
    return out;
  }

  private static TableFormat format(String name) {
    Map<String, TableFormat> all = formats();
    TableFormat f = all.get(name);
    if (f == null) {
      throw new ParameterException(
          "format",
          "'"
              + name
              + "' is not a table format here; known: "
              + all.keySet()
              + (name.equals("parquet")
                  ? " (Parquet needs the vitrina-parquet module on the class path)"
                  : ""));
    }
    return f;
  }

  /**
   * The message for a field whose column the file lacks: names the parameter that maps it, the file
   * and its columns.
   */
  public static ParameterException missingColumn(
      TableSource source, Field field, List<String> columns) {
    return new ParameterException(
        field.parameter(),
        "names column '"
            + field.column()
            + "' for the "
            + field.label()
            + ", but "
            + source.path()
            + (source.header() || !source.resolvedFormat().equals("csv")
                ? " has no such column; its columns are " + columns
                : " has no header, so columns are 1-based positions 1.." + columns.size())
            + "; name the column that holds the "
            + field.label());
  }

  private static void applyFieldRules(Table t, List<Field> fields) {
    List<Rule> rules = new ArrayList<>();
    for (Field f : fields) {
      rules.add(new Rule(f, t));
    }
    int n = t.rows();
    for (int i = 0; i < n; i++) {
      if (!t.isUsable(i)) {
        continue;
      }
      for (Rule r : rules) {
        if (r.check(t, i)) {
          break;
        }
      }
    }
  }

  /** The shared rules for one field. */
  private static final class Rule {
    private final Field f;
    private final Table.Column values;
    private final String[] bad;

    Rule(Field f, Table t) {
      this.f = f;
      this.values =
          switch (f.kind()) {
            case ID -> t.ids(f);
            case TEXT -> t.texts(f);
            case DAY -> t.days(f);
            case INT -> t.ints(f);
            case FLOAT, FLAG -> t.floats(f);
            case DOUBLE -> t.doubles(f);
            case TIMESTAMP -> t.timestamps(f);
          };
      this.bad =
          switch (values) {
            case Table.Days d -> d.bad();
            case Table.Ints d -> d.bad();
            case Table.Floats d -> d.bad();
            case Table.Doubles d -> d.bad();
            case Table.Timestamps d -> d.bad();
            default -> null;
          };
    }

    /** Rejects row {@code i} when it breaks this field's rule; true when it did. */
    boolean check(Table t, int i) {
      String text = bad == null ? null : bad[i];
      if (text != null) {
        t.reject(i, badKind(), f.column(), text, badReason(text));
        return true;
      }
      if (f.required() && isMissing(i)) {
        t.reject(i, "null " + f.label(), f.column(), "", f.label() + " is empty");
        return true;
      }
      return false;
    }

    private boolean isMissing(int i) {
      return switch (values) {
        case Table.Ids v -> v.codes()[i] < 0;
        case Table.Texts v -> v.values()[i] == null;
        case Table.Days v -> v.days()[i] == Table.NO_DAY;
        case Table.Ints v -> v.values()[i] == Table.NO_INT;
        case Table.Floats v -> Float.isNaN(v.values()[i]);
        case Table.Doubles v -> Double.isNaN(v.values()[i]);
        case Table.Timestamps v -> v.millis()[i] == Table.NO_TIME;
      };
    }

    private String badKind() {
      return switch (f.kind()) {
        case FLOAT, DOUBLE -> "non-numeric " + f.label();
        case INT -> "non-integer " + f.label();
        default -> "unparseable " + f.label();
      };
    }

    private String badReason(String text) {
      return switch (f.kind()) {
        case DAY -> f.label() + " is not yyyy-MM-dd";
        case FLOAT, DOUBLE -> f.label() + " is not a number";
        case INT -> f.label() + " is not an integer";
        case FLAG -> f.label() + " is not a flag (1/0, true/false, yes/no)";
        case TIMESTAMP -> f.label() + " " + f.unit().explain(text);
        default -> f.label() + " cannot be read";
      };
    }
  }
}
