package dev.vitrina.experiments.data;

import dev.vitrina.core.check.Checks;
import dev.vitrina.core.ids.IdIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
 * <p>Every row must be well formed: a {@link BadDataException} names the file, the line (CSV) or
 * row (Parquet), the column and the value; option-like mistakes (a missing column, an unknown
 * experiment) are {@link IllegalArgumentException}s. A unit seen in two variants is an error unless
 * {@link MixedUnits#EXCLUDE} is chosen; then it is excluded and counted in {@link #notes()}.
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
  private final Map<String, String> badColumns;
  private final long rowsRead;
  private final long rowsUsed;
  private final List<String> notes;

  private ExperimentData(
      String source,
      String experiment,
      Format format,
      EventLog events,
      UnitTable unitTable,
      Map<String, String> badColumns,
      long rowsRead,
      long rowsUsed,
      List<String> notes) {
    this.source = source;
    this.experiment = experiment;
    this.format = format;
    this.events = events;
    this.unitTable = unitTable;
    this.badColumns = badColumns;
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
        Map.of(),
        table.size(),
        table.size(),
        List.of());
  }

  /** Reads {@code file} (CSV; Parquet by the {@code .parquet} extension). */
  public static ExperimentData read(Path file, ReadOptions opts) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "events file "
              + file
              + " does not exist; create one with 'vitrina abtest simulate-events --out "
              + file
              + "'");
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    RowSource src = name.endsWith(".parquet") ? ParquetRows.open(file) : RowSource.csv(file);
    Reader r = new Reader(file.toString(), src.positionWord(), opts);
    src.read(r);
    return r.finish();
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
    Map<String, double[]> cols = new LinkedHashMap<>();
    for (String c : columns) {
      String bad = badColumns.get(c);
      if (bad != null) {
        throw new IllegalArgumentException(bad);
      }
      cols.put(c, unitTable.column(c));
    }
    int[] variantOf = new int[unitTable.size()];
    for (int i = 0; i < variantOf.length; i++) {
      variantOf[i] = unitTable.variantOf(i);
    }
    return new UnitTable(source, unitTable.variants(), variantOf, cols);
  }

  /** Streams rows into an event log or a unit table. */
  private static final class Reader implements RowSource.Visitor {
    private final String file;
    private final String word;
    private final ReadOptions opts;
    private final List<String> notes = new ArrayList<>();
    private boolean eventsFormat;
    private String[] header;
    private int iExp = -1;
    private int iUnit;
    private int iVariant;
    private int iEvent = -1;
    private int iValue = -1;
    private int iDay = -1;
    private String firstExperiment;
    private long firstExperimentPos;
    private long rowsRead;
    private long rowsUsed;
    private EventLog log;
    // per-unit format
    private final IdIndex.Builder unitIds = new IdIndex.Builder();
    private long[] unitPos = new long[1024];
    private final List<String> variants = new ArrayList<>();
    private final Map<String, Integer> variantIndex = new HashMap<>();
    private int[] variantOf = new int[1024];
    private double[][] numeric;
    private String[] bad;
    private final Map<String, Integer> otherExperiments = new LinkedHashMap<>();

    Reader(String file, String word, ReadOptions opts) {
      this.file = file;
      this.word = word;
      this.opts = opts;
    }

    private int find(String name, boolean required, String role) {
      for (int i = 0; i < header.length; i++) {
        if (header[i].equals(name)) {
          return i;
        }
      }
      if (required) {
        throw new IllegalArgumentException(
            file
                + ": no "
                + role
                + " column '"
                + name
                + "' in the header "
                + Arrays.toString(header)
                + "; rename the column or pass its name (e.g. --"
                + role
                + "-column "
                + (header.length > 0 ? header[0] : "NAME")
                + ")");
      }
      return -1;
    }

    @Override
    public void header(String[] names) throws IOException {
      header = names;
      Columns c = opts.columns();
      iUnit = find(c.unit(), true, "unit");
      iVariant = find(c.variant(), true, "variant");
      iExp = find(c.experiment(), false, "experiment");
      iEvent = find(c.event(), opts.format() == Format.EVENTS, "event");
      eventsFormat =
          opts.format() == Format.EVENTS || (opts.format() == Format.AUTO && iEvent >= 0);
      if (opts.format() == Format.UNITS) {
        iEvent = -1;
      }
      if (eventsFormat) {
        iValue = find(c.value(), false, "value");
        iDay = find(c.day(), false, "day");
        log = new EventLog(file, word);
        log.hasDays = iDay >= 0;
      } else {
        numeric = new double[header.length][1024];
        bad = new String[header.length];
      }
      if (iExp < 0 && opts.experiment() != null) {
        notes.add(
            "the file has no '"
                + c.experiment()
                + "' column: every row is taken as experiment '"
                + opts.experiment()
                + "'");
      }
    }

    private String field(String[] f, int i, long pos) throws BadDataException {
      String s = f[i].trim();
      if (s.isEmpty() && (i == iUnit || i == iVariant || i == iEvent)) {
        throw new BadDataException(
            file
                + " "
                + word
                + " "
                + pos
                + ", column '"
                + header[i]
                + "': empty value; every row"
                + " needs a "
                + header[i]);
      }
      return s;
    }

    @Override
    public void row(String[] f, long pos) throws IOException {
      rowsRead++;
      if (iExp >= 0) {
        String e = f[iExp].trim();
        if (opts.experiment() != null) {
          if (!e.equals(opts.experiment())) {
            otherExperiments.merge(e, 1, Integer::sum);
            return;
          }
        } else if (firstExperiment == null) {
          firstExperiment = e;
          firstExperimentPos = pos;
        } else if (!firstExperiment.equals(e)) {
          throw new IllegalArgumentException(
              file
                  + " holds several experiments ('"
                  + firstExperiment
                  + "' at "
                  + word
                  + " "
                  + firstExperimentPos
                  + ", '"
                  + e
                  + "' at "
                  + word
                  + " "
                  + pos
                  + "); choose one with --experiment NAME");
        }
      }
      rowsUsed++;
      String unit = field(f, iUnit, pos);
      String variant = field(f, iVariant, pos);
      if (eventsFormat) {
        String type = field(f, iEvent, pos);
        double value = 0;
        if (iValue >= 0) {
          String s = f[iValue].trim();
          if (!s.isEmpty()) {
            value = parseDouble(s, iValue, pos);
          }
        }
        int day = 0;
        if (iDay >= 0) {
          String s = f[iDay].trim();
          try {
            day = Integer.parseInt(s);
          } catch (NumberFormatException ex) {
            throw new BadDataException(
                file
                    + " "
                    + word
                    + " "
                    + pos
                    + ", column '"
                    + header[iDay]
                    + "': '"
                    + s
                    + "' is not an integer day; use the day index since the experiment start"
                    + " (negative for the pre-period)");
          }
        }
        log.add(unit, variant, type, value, day, pos);
      } else {
        int before = unitIds.size();
        int u = unitIds.add(unit);
        if (u >= variantOf.length) {
          int n = variantOf.length * 2;
          variantOf = Arrays.copyOf(variantOf, n);
          unitPos = Arrays.copyOf(unitPos, n);
          for (int i = 0; i < numeric.length; i++) {
            numeric[i] = Arrays.copyOf(numeric[i], n);
          }
        }
        if (u != before) {
          throw new BadDataException(
              file
                  + ": unit '"
                  + unit
                  + "' appears at "
                  + word
                  + " "
                  + unitPos[u]
                  + " and at "
                  + word
                  + " "
                  + pos
                  + "; a per-unit table needs one row per unit (aggregate first, or use a"
                  + " per-event table with an event column)");
        }
        unitPos[u] = pos;
        Integer v = variantIndex.get(variant);
        if (v == null) {
          v = variants.size();
          variants.add(variant);
          variantIndex.put(variant, v);
        }
        variantOf[u] = v;
        for (int i = 0; i < header.length; i++) {
          if (i == iUnit || i == iVariant || i == iExp || bad[i] != null) {
            continue;
          }
          String s = f[i].trim();
          if (s.isEmpty()) {
            numeric[i][u] = 0;
            continue;
          }
          try {
            double x = Double.parseDouble(s);
            if (!Double.isFinite(x)) {
              throw new NumberFormatException(s);
            }
            numeric[i][u] = x;
          } catch (NumberFormatException ex) {
            bad[i] =
                file
                    + " "
                    + word
                    + " "
                    + pos
                    + ", column '"
                    + header[i]
                    + "': '"
                    + s
                    + "' is not a finite number; metric columns of a per-unit table must be numeric"
                    + " (empty means 0)";
          }
        }
      }
    }

    private double parseDouble(String s, int col, long pos) throws BadDataException {
      try {
        double d = Double.parseDouble(s);
        if (!Double.isFinite(d)) {
          throw new NumberFormatException();
        }
        return d;
      } catch (NumberFormatException ex) {
        throw new BadDataException(
            file
                + " "
                + word
                + " "
                + pos
                + ", column '"
                + header[col]
                + "': '"
                + s
                + "' is not a finite number; use e.g. 12.5 (empty means 0)");
      }
    }

    ExperimentData finish() throws BadDataException {
      if (header == null) {
        throw new BadDataException(file + " has no header");
      }
      if (rowsUsed == 0) {
        String why =
            opts.experiment() != null && iExp >= 0
                ? "no row has experiment '"
                    + opts.experiment()
                    + "'; experiments in the file: "
                    + otherExperiments.keySet()
                : "the file has no data rows";
        throw new IllegalArgumentException(file + ": " + why);
      }
      if (eventsFormat) {
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
            file, experimentName(), Format.EVENTS, log, null, Map.of(), rowsRead, rowsUsed, notes);
      }
      int n = unitIds.size();
      Map<String, double[]> cols = new LinkedHashMap<>();
      Map<String, String> badCols = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        if (i == iUnit || i == iVariant || i == iExp) {
          continue;
        }
        if (bad[i] != null) {
          badCols.put(header[i], bad[i]);
          cols.put(header[i], new double[n]);
        } else {
          cols.put(header[i], Arrays.copyOf(numeric[i], n));
        }
      }
      UnitTable t = new UnitTable(file, variants, Arrays.copyOf(variantOf, n), cols);
      return new ExperimentData(
          file, experimentName(), Format.UNITS, null, t, badCols, rowsRead, rowsUsed, notes);
    }

    private String experimentName() {
      if (opts.experiment() != null) {
        return opts.experiment();
      }
      return firstExperiment == null || firstExperiment.isEmpty() ? null : firstExperiment;
    }
  }
}
