package dev.vitrina.experiments.data;

import dev.vitrina.core.check.Checks;
import dev.vitrina.core.table.BadRowPolicy;
import dev.vitrina.core.table.BadRowsException;
import dev.vitrina.core.table.Field;
import dev.vitrina.core.table.Table;
import dev.vitrina.core.table.TableSource;
import dev.vitrina.core.table.Tables;
import dev.vitrina.core.validate.InvalidFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The data of one experiment, read from a per-event or a per-unit table.
 *
 * <p><b>Per-event table</b> (has an {@code event} column), one row per event:
 *
 * <pre>
 *   experiment,unit,variant,event,value,day
 *   ranker-v2,u1,control,exposure,,0
 *   ranker-v2,u1,control,impression,,0
 *   ranker-v2,u1,control,click,,0
 *   ranker-v2,u1,control,purchase,23.5,2
 *   ranker-v2,u1,control,purchase,12.0,-3      (day &lt; 0: pre-period, for CUPED)
 * </pre>
 *
 * Aggregated per unit into the columns {@code count(EVENT)}, {@code sum(EVENT)} (sum of {@code
 * value}) over days {@code >= 0}, and {@code pre_count(EVENT)}, {@code pre_sum(EVENT)} over days
 * {@code < 0}. A unit is in the analysis from its first event with {@code day >= 0} (log an {@code
 * exposure} event when a unit is assigned, so units without activity count too). {@code
 * experiment}, {@code value} and {@code day} are optional columns.
 *
 * <p><b>Per-unit table</b> (no {@code event} column), one row per unit: {@code unit}, {@code
 * variant}, optional {@code experiment}, and numeric columns used by metric definitions (e.g.
 * {@code impressions, clicks, purchases, revenue}, and {@code pre_revenue} for CUPED).
 *
 * <p>The file is read through the core table layer ({@link Tables}, CSV or Parquet), asking only
 * for the columns the layout needs: other columns, readable or not, are not read. A per-unit
 * table's metric columns are read when {@link #units} asks for them. Every row used must be well
 * formed; the whole file is scanned and a {@link BadRowsException} then names the file, how many
 * rows broke which rule, and the first of them with their line (CSV) or row (Parquet), column and
 * value. Rows of other experiments (with {@link ReadOptions#experiment()}) are skipped unchecked,
 * except rows with the wrong number of fields. A required column the file lacks is a {@link
 * dev.vitrina.core.check.ParameterException} naming its parameter ({@code unitColumn}, ...); other
 * option-like mistakes (an unknown experiment) are {@link IllegalArgumentException}s; a file that
 * is not valid CSV or Parquet is a {@link BadDataException}. A unit seen in two variants is an
 * error unless {@link MixedUnits#EXCLUDE} is chosen; then it is excluded and counted in {@link
 * #notes()}.
 */
public final class ExperimentData {

  /** The table layout. */
  public enum Format {
    /** Per-event if the event column is present, else per-unit. */
    AUTO,
    /** One row per event. */
    EVENTS,
    /** One row per unit. */
    UNITS
  }

  /** What to do with units that appear in more than one variant. */
  public enum MixedUnits {
    /** Stop with an error naming the first such units (the default). */
    ERROR,
    /** Exclude them from the analysis and report how many. */
    EXCLUDE
  }

  /**
   * How to read the table.
   *
   * @param format the layout
   * @param columns the column names
   * @param experiment the experiment to keep (rows of other experiments are skipped); may be null
   *     when the file holds one experiment
   * @param mixedUnits what to do with units in several variants
   */
  public record ReadOptions(
      Format format, Columns columns, String experiment, MixedUnits mixedUnits) {
    /** Validates. */
    public ReadOptions {
      Checks.require(format != null && columns != null && mixedUnits != null, "options required");
    }

    /** Defaults: auto format, default columns, no experiment filter, mixed units are an error. */
    public static ReadOptions defaults() {
      return new ReadOptions(Format.AUTO, Columns.DEFAULT, null, MixedUnits.ERROR);
    }

    /** With an experiment filter. */
    public ReadOptions withExperiment(String name) {
      return new ReadOptions(format, columns, name, mixedUnits);
    }

    /** With column names. */
    public ReadOptions withColumns(Columns c) {
      return new ReadOptions(format, c, experiment, mixedUnits);
    }

    /** With a format. */
    public ReadOptions withFormat(Format f) {
      return new ReadOptions(f, columns, experiment, mixedUnits);
    }

    /** With a mixed-unit policy. */
    public ReadOptions withMixedUnits(MixedUnits m) {
      return new ReadOptions(format, columns, experiment, m);
    }
  }

  private final String source;
  private final String experiment;
  private final Format format;
  private final EventLog events;
  private final UnitTable unitTable;
  private final UnitRows unitRows;
  private final long rowsRead;
  private final long rowsUsed;
  private final List<String> notes;

  private ExperimentData(
      String source,
      String experiment,
      Format format,
      EventLog events,
      UnitTable unitTable,
      UnitRows unitRows,
      long rowsRead,
      long rowsUsed,
      List<String> notes) {
    this.source = source;
    this.experiment = experiment;
    this.format = format;
    this.events = events;
    this.unitTable = unitTable;
    this.unitRows = unitRows;
    this.rowsRead = rowsRead;
    this.rowsUsed = rowsUsed;
    this.notes = List.copyOf(notes);
  }

  /** Wraps an in-memory per-unit table (for library users). */
  public static ExperimentData ofUnits(UnitTable table) {
    return new ExperimentData(
        table.source(),
        null,
        Format.UNITS,
        null,
        table,
        null,
        table.size(),
        table.size(),
        List.of());
  }

  /** Reads {@code file} (CSV; Parquet by the {@code .parquet} extension). */
  public static ExperimentData read(Path file, ReadOptions opts) throws IOException {
    return read(file, opts, file.toString());
  }

  /**
   * Reads {@code file} like {@link #read(Path, ReadOptions)}, naming it {@code label} in {@link
   * #source()} and in messages about the data (for a table made from another source, such as an
   * event log).
   */
  public static ExperimentData read(Path file, ReadOptions opts, String label) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "events file "
              + file
              + " does not exist; create one with 'vitrina abtest simulate-events --out "
              + file
              + "'");
    }
    TableSource src = TableSource.of(file);
    try {
      return new Reader(src, opts, label).read();
    } catch (InvalidFileException e) {
      throw invalid(src, e);
    }
  }

  /** A file that is not valid CSV or Parquet is bad input, like a bad row. */
  private static BadDataException invalid(TableSource src, InvalidFileException e) {
    String m = e.getMessage();
    boolean parquet = src.resolvedFormat().equals("parquet");
    return new BadDataException(
        parquet && !m.contains("cannot be read as")
            ? m + "; write the table again as a flat, unencrypted Parquet file, or as CSV"
            : m,
        e);
  }

  /** Where the data came from. */
  public String source() {
    return source;
  }

  /**
   * The experiment the rows belong to: the filter of {@link ReadOptions#experiment()} when given,
   * else the value of the experiment column (a file without a filter must hold one experiment);
   * {@code null} when the table has no experiment column (or only empty values there) and no filter
   * was given.
   */
  public String experiment() {
    return experiment;
  }

  /** The layout that was read ({@code EVENTS} or {@code UNITS}). */
  public Format format() {
    return format;
  }

  /** Whether events carry days, so that daily looks are possible. */
  public boolean hasDays() {
    return events != null && events.hasDays;
  }

  /** The last day with an event (0 when there are no days). */
  public int lastDay() {
    return events == null || !events.hasDays ? 0 : Math.max(0, events.maxDay);
  }

  /** Rows in the file. */
  public long rowsRead() {
    return rowsRead;
  }

  /** Rows of the analyzed experiment. */
  public long rowsUsed() {
    return rowsUsed;
  }

  /** Remarks about the data (excluded units, assumptions), for reports. */
  public List<String> notes() {
    return notes;
  }

  /** The per-unit table over all days with the given columns. */
  public UnitTable units(Set<String> columns) {
    return units(columns, Integer.MAX_VALUE);
  }

  /**
   * The per-unit table with the given columns, counting events up to {@code lastDay} and units
   * exposed by then (per-unit tables ignore {@code lastDay}).
   */
  public UnitTable units(Set<String> columns, int lastDay) {
    if (events != null) {
      return events.aggregate(columns, lastDay);
    }
    if (unitRows != null) {
      return unitRows.table(columns);
    }
    Map<String, double[]> cols = new LinkedHashMap<>();
    for (String c : columns) {
      cols.put(c, unitTable.column(c));
    }
    int[] variantOf = new int[unitTable.size()];
    for (int i = 0; i < variantOf.length; i++) {
      variantOf[i] = unitTable.variantOf(i);
    }
    return new UnitTable(source, unitTable.variants(), variantOf, cols);
  }

  private static final String EVENTS_FIX =
      "every row needs a unit, a variant and an event; value is a finite number such as 12.5"
          + " (empty means 0) and day an integer day since the experiment start (negative for the"
          + " pre-period); fix these rows";

  private static final String UNITS_FIX =
      "every row of a per-unit table needs a unit and a variant, one row per unit; fix these rows";

  private static final String METRICS_FIX =
      "metric columns of a per-unit table must hold finite numbers (empty means 0); fix these"
          + " values or define the metric over another column";

  /** Reads the table into an event log or the rows of a per-unit table. */
  private static final class Reader {
    private final TableSource src;
    private final String file;
    private final String word;
    private final ReadOptions opts;
    private final Columns c;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Integer> otherExperiments = new LinkedHashMap<>();
    private String firstExperiment;
    private long firstExperimentPos;
    private String conflict;
    private long conflictPos;
    private long rowsUsed;

    Reader(TableSource src, ReadOptions opts, String label) {
      this.src = src;
      this.file = label;
      this.word = src.rowWord();
      this.opts = opts;
      this.c = opts.columns();
    }

    ExperimentData read() throws IOException {
      List<String> header = Tables.columns(src);
      boolean eventsFormat =
          opts.format() == Format.EVENTS
              || (opts.format() == Format.AUTO && header.contains(c.event()));
      boolean hasExp = header.contains(c.experiment());
      Field unit = c.unitField();
      Field variant = c.variantField();
      Field exp = c.experimentField();
      List<Field> fields = new ArrayList<>(List.of(unit, variant, exp));
      String wanted = opts.experiment();
      Tables.Scope scope =
          wanted == null || !hasExp ? null : (t, i) -> wanted.equals(experimentOf(t, exp, i));
      if (!hasExp && wanted != null) {
        notes.add(
            "the file has no '"
                + c.experiment()
                + "' column: every row is taken as experiment '"
                + wanted
                + "'");
      }
      if (eventsFormat) {
        Field event = c.eventField();
        Field value = c.valueField();
        Field day = c.dayField(header.contains(c.day()));
        fields.addAll(List.of(event, value, day));
        Table t = Tables.read(src, fields, scope);
        return events(t, unit, variant, exp, event, value, day);
      }
      Table t = Tables.read(src, fields, scope);
      Set<String> ids = new HashSet<>(List.of(c.unit(), c.variant()));
      if (hasExp) {
        ids.add(c.experiment());
      }
      List<String> available = new ArrayList<>(header);
      available.removeAll(ids);
      return units(t, unit, variant, exp, available, ids);
    }

    private static String experimentOf(Table t, Field exp, int i) {
      String e = t.texts(exp).values()[i];
      return e == null ? "" : e;
    }

    /** Counts a row outside the scope, or checks that a used row holds the one experiment. */
    private boolean use(Table t, Field exp, int i) {
      if (!t.inScope(i)) {
        otherExperiments.merge(experimentOf(t, exp, i), 1, Integer::sum);
        return false;
      }
      if (t.isRejected(i)) {
        return false;
      }
      rowsUsed++;
      if (opts.experiment() == null && t.hasColumn(exp)) {
        String e = experimentOf(t, exp, i);
        if (firstExperiment == null) {
          firstExperiment = e;
          firstExperimentPos = t.rowNumber(i);
        } else if (conflict == null && !firstExperiment.equals(e)) {
          conflict = e;
          conflictPos = t.rowNumber(i);
        }
      }
      return true;
    }

    private ExperimentData events(
        Table t, Field unit, Field variant, Field exp, Field event, Field value, Field day) {
      EventLog log = new EventLog(file, word);
      log.hasDays = t.hasColumn(day);
      Table.Ids units = t.ids(unit);
      Table.Ids variants = t.ids(variant);
      String[] types = t.texts(event).values();
      double[] values = t.doubles(value).values();
      int[] days = t.ints(day).values();
      for (int i = 0; i < t.rows(); i++) {
        if (!use(t, exp, i)) {
          continue;
        }
        double v = values[i];
        if (Double.isInfinite(v)) {
          t.reject(
              i,
              "non-finite value",
              c.value(),
              Double.toString(v),
              "value is not a finite number; use e.g. 12.5 (empty means 0)");
          continue;
        }
        int u = log.unit(units.codes()[i], units.dictionary());
        int vi = log.variant(variants.codes()[i], variants.dictionary());
        int d = log.hasDays ? days[i] : 0;
        log.add(u, vi, log.type(types[i]), Double.isNaN(v) ? 0 : v, d, t.rowNumber(i));
      }
      t.finish(BadRowPolicy.FAIL, EVENTS_FIX);
      checkRows(t);
      if (log.mixedCount > 0) {
        if (opts.mixedUnits() == MixedUnits.ERROR) {
          throw new BadDataException(
              file
                  + ": "
                  + log.mixedCount
                  + " units appear in more than one variant, e.g. "
                  + String.join("; ", log.mixedExamples)
                  + ". Fix the assignment or logging, or exclude them with --mixed-units exclude");
        }
        notes.add(
            log.mixedCount
                + " units appeared in more than one variant and were excluded, e.g. "
                + String.join("; ", log.mixedExamples));
      }
      int preOnly = log.preOnlyUnits();
      if (preOnly > 0) {
        notes.add(
            preOnly + " units have only pre-period events (day < 0) and are not in the analysis");
      }
      return new ExperimentData(
          file, experimentName(), Format.EVENTS, log, null, null, t.rows(), rowsUsed, notes);
    }

    private ExperimentData units(
        Table t,
        Field unit,
        Field variant,
        Field exp,
        List<String> available,
        Set<String> idColumns) {
      Table.Ids units = t.ids(unit);
      Table.Ids variantIds = t.ids(variant);
      int[] unitOfRow = new int[t.rows()];
      Arrays.fill(unitOfRow, -1);
      int[] unitOfCode = new int[units.dictionary().length];
      Arrays.fill(unitOfCode, -1);
      long[] unitPos = new long[unitOfCode.length];
      int[] variantOf = new int[unitOfCode.length];
      int[] variantOfCode = new int[variantIds.dictionary().length];
      Arrays.fill(variantOfCode, -1);
      List<String> variants = new ArrayList<>();
      int n = 0;
      for (int i = 0; i < t.rows(); i++) {
        if (!use(t, exp, i)) {
          continue;
        }
        int code = units.codes()[i];
        long pos = t.rowNumber(i);
        if (unitOfCode[code] >= 0) {
          String id = units.dictionary()[code];
          t.reject(
              i,
              "duplicate unit",
              c.unit(),
              id,
              "unit '"
                  + id
                  + "' appears at "
                  + word
                  + " "
                  + unitPos[unitOfCode[code]]
                  + " and at "
                  + word
                  + " "
                  + pos
                  + "; a per-unit table needs one row per unit (aggregate first, or use a"
                  + " per-event table with an event column)");
          continue;
        }
        int vc = variantIds.codes()[i];
        if (variantOfCode[vc] < 0) {
          variantOfCode[vc] = variants.size();
          variants.add(variantIds.dictionary()[vc]);
        }
        unitOfCode[code] = n;
        unitPos[n] = pos;
        variantOf[n] = variantOfCode[vc];
        unitOfRow[i] = n++;
      }
      t.finish(BadRowPolicy.FAIL, UNITS_FIX);
      checkRows(t);
      UnitRows rows =
          new UnitRows(
              src, available, idColumns, unitOfRow, n, variants, Arrays.copyOf(variantOf, n));
      return new ExperimentData(
          file, experimentName(), Format.UNITS, null, null, rows, t.rows(), rowsUsed, notes);
    }

    /** After the row checks: one experiment, and rows of it. */
    private void checkRows(Table t) {
      if (conflict != null) {
        throw new IllegalArgumentException(
            file
                + " holds several experiments ('"
                + firstExperiment
                + "' at "
                + word
                + " "
                + firstExperimentPos
                + ", '"
                + conflict
                + "' at "
                + word
                + " "
                + conflictPos
                + "); choose one with --experiment NAME");
      }
      if (rowsUsed == 0) {
        String why =
            opts.experiment() != null && t.rows() > 0 && !otherExperiments.isEmpty()
                ? "no row has experiment '"
                    + opts.experiment()
                    + "'; experiments in the file: "
                    + otherExperiments.keySet()
                : "the file has no data rows";
        throw new IllegalArgumentException(file + ": " + why);
      }
    }

    private String experimentName() {
      if (opts.experiment() != null) {
        return opts.experiment();
      }
      return firstExperiment == null || firstExperiment.isEmpty() ? null : firstExperiment;
    }
  }

  /**
   * The rows of a per-unit table: which unit each row is, and the variants; its metric columns are
   * read when first asked for and kept.
   */
  private static final class UnitRows {
    private final TableSource src;
    private final List<String> available;
    private final Set<String> idColumns;
    private final int[] unitOfRow;
    private final int units;
    private final List<String> variants;
    private final int[] variantOf;
    private final Map<String, double[]> read = new HashMap<>();

    UnitRows(
        TableSource src,
        List<String> available,
        Set<String> idColumns,
        int[] unitOfRow,
        int units,
        List<String> variants,
        int[] variantOf) {
      this.src = src;
      this.available = List.copyOf(available);
      this.idColumns = Set.copyOf(idColumns);
      this.unitOfRow = unitOfRow;
      this.units = units;
      this.variants = List.copyOf(variants);
      this.variantOf = variantOf;
    }

    synchronized UnitTable table(Set<String> columns) {
      List<String> todo = new ArrayList<>();
      for (String name : columns) {
        if (!read.containsKey(name)) {
          todo.add(name);
        }
      }
      if (!todo.isEmpty()) {
        read(todo);
      }
      Map<String, double[]> cols = new LinkedHashMap<>();
      for (String name : columns) {
        cols.put(name, read.get(name));
      }
      return new UnitTable(src.path().toString(), variants, variantOf, cols);
    }

    private void read(List<String> names) {
      List<Field> fields = new ArrayList<>();
      for (String name : names) {
        if (idColumns.contains(name)) {
          throw notAvailable(name);
        }
        fields.add(Columns.metricField(name));
      }
      Table t;
      try {
        t = Tables.read(src, fields, (tb, i) -> i < unitOfRow.length && unitOfRow[i] >= 0);
      } catch (InvalidFileException e) {
        throw invalid(src, e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (t.rows() != unitOfRow.length) {
        throw new BadDataException(
            src.path()
                + " changed while it was analyzed: it had "
                + unitOfRow.length
                + " rows, now "
                + t.rows()
                + "; analyze it again");
      }
      Map<String, double[]> out = new LinkedHashMap<>();
      for (Field f : fields) {
        if (!t.hasColumn(f)) {
          throw notAvailable(f.column());
        }
        double[] values = t.doubles(f).values();
        double[] col = new double[units];
        for (int i = 0; i < t.rows(); i++) {
          if (!t.isUsable(i)) {
            continue;
          }
          double v = values[i];
          if (Double.isInfinite(v)) {
            t.reject(
                i,
                "non-finite " + f.label(),
                f.column(),
                Double.toString(v),
                f.label() + " is not a finite number");
          } else {
            col[unitOfRow[i]] = Double.isNaN(v) ? 0 : v;
          }
        }
        out.put(f.column(), col);
      }
      t.finish(BadRowPolicy.FAIL, METRICS_FIX);
      read.putAll(out);
    }

    private IllegalArgumentException notAvailable(String name) {
      return new IllegalArgumentException(
          "column '"
              + name
              + "' is not in "
              + src.path()
              + "; available: "
              + new ArrayList<>(new TreeSet<>(available)));
    }
  }
}
