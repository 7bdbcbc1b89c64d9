package dev.vitrina.demand.features;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.demand.data.Dimensions;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Panel;
import dev.vitrina.demand.sales.SalesTable;
import dev.vitrina.parquet.Codec;
import dev.vitrina.parquet.ColumnData;
import dev.vitrina.parquet.ColumnSpec;
import dev.vitrina.parquet.ColumnType;
import dev.vitrina.parquet.FloatColumn;
import dev.vitrina.parquet.IntColumn;
import dev.vitrina.parquet.ParquetWriter;
import dev.vitrina.parquet.StringColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Computes features over a {@link Panel}: either all rows in memory ({@link #build}) as a {@link
 * FeatureMatrix}, or streamed block by block into a Parquet file ({@link #write}) so that memory
 * stays at the panel plus one block.
 *
 * <p>Per-series columns come from {@link SeriesKernel}; calendar columns from the calendar table;
 * price columns from a price file or, lagged, from the sales (see {@link PriceTable}). Series are
 * processed in parallel on the common fork-join pool.
 *
 * <p>Example: {@code FeatureEngine.of(panel, dims, sales, null,
 * FeatureSpec.defaults()).build(Progress.silent())}.
 */
public final class FeatureEngine {
  private final Panel panel;
  private final FeatureSpec spec;
  private final PeriodFeatures calendar;
  private final PriceTable prices;
  private final List<String> names;
  private final int seriesCols;
  private final List<String> notes = new ArrayList<>();

  private FeatureEngine(Panel panel, FeatureSpec spec, PeriodFeatures calendar, PriceTable prices) {
    this.panel = panel;
    this.spec = spec;
    this.calendar = calendar;
    this.prices = prices;
    List<String> n = new ArrayList<>(spec.seriesFeatureNames());
    seriesCols = n.size();
    if (calendar != null) {
      n.addAll(calendar.names);
    }
    if (prices != null) {
      n.add("price_rel");
      n.add("promo");
    }
    names = Collections.unmodifiableList(n);
  }

  /**
   * An engine over {@code panel}.
   *
   * @param panel the calendar-completed panel
   * @param dims dimension tables (for calendar events); may be {@link Dimensions#none()}
   * @param sales the sales the panel was built from (for prices); may be null without price
   *     features
   * @param pricesFile a {@code prices.parquet} of prices known in advance, or null to derive them
   *     (lagged) from the sales
   * @param spec the features
   */
  public static FeatureEngine of(
      Panel panel, Dimensions dims, SalesTable sales, Path pricesFile, FeatureSpec spec)
      throws IOException {
    PeriodFeatures cal = spec.calendar() ? new PeriodFeatures(panel, dims) : null;
    PriceTable prices = null;
    List<String> notes = new ArrayList<>();
    if (spec.price()) {
      if (panel.seriesItem() == null || sales == null) {
        notes.add("price features skipped: level " + panel.level() + " has no item column");
      } else {
        int firstDay = panel.periodStartDay(0);
        int lastDay = panel.periodStartDay(panel.periods()) - 1;
        if (pricesFile != null && Files.exists(pricesFile)) {
          prices = PriceTable.fromFile(pricesFile, sales, dims, firstDay, lastDay);
          notes.add("prices from " + pricesFile.getFileName() + " (known in advance)");
        } else {
          prices = PriceTable.fromSales(sales, dims, firstDay, lastDay);
          notes.add("prices from sales rows, lagged: the last price seen before each period");
        }
      }
    }
    FeatureEngine e = new FeatureEngine(panel, spec, cal, prices);
    e.notes.addAll(notes);
    return e;
  }

  /** An engine with per-series features only (no calendar or price inputs needed). */
  public static FeatureEngine seriesOnly(Panel panel, FeatureSpec spec) {
    FeatureSpec s =
        new FeatureSpec(spec.lags(), spec.means(), spec.windows(), false, false, spec.minLag());
    return new FeatureEngine(panel, s, null, null);
  }

  /** The feature column names, in order. */
  public List<String> names() {
    return names;
  }

  /** Notes on how features were derived (e.g. where prices came from). */
  public List<String> notes() {
    return Collections.unmodifiableList(notes);
  }

  /** Computes every row into memory. */
  public FeatureMatrix build(Progress progress) {
    int rows = panel.rows();
    float[][] cols = new float[names.size()][];
    // allocated in parallel: the JVM zeroes a new array in the allocating thread, and for a large
    // matrix that first touch of fresh memory (page faults) costs more than the fill itself
    IntStream.range(0, cols.length).parallel().forEach(j -> cols[j] = new float[rows]);
    int ns = panel.seriesCount();
    int chunk = Math.max(1, ns / 256);
    IntStream.range(0, (ns + chunk - 1) / chunk)
        .parallel()
        .forEach(
            c -> {
              int from = c * chunk;
              int to = Math.min(ns, from + chunk);
              for (int s = from; s < to; s++) {
                computeSeries(s, cols, panel.offsets()[s]);
              }
              progress.step(to - from);
            });
    return new FeatureMatrix(panel, names, cols);
  }

  /** The work units {@link #build} and {@link #write} report: one per series. */
  public long workUnits() {
    return panel.seriesCount();
  }

  /** Computes the feature rows of series {@code s} into {@code out} starting at row {@code at}. */
  void computeSeries(int s, float[][] out, int at) {
    int off = panel.offsets()[s];
    int len = panel.offsets()[s + 1] - off;
    SeriesKernel.compute(panel.values(), off, len, spec, out, at);
    int j = seriesCols;
    int p0 = panel.firstPeriod(s);
    if (calendar != null) {
      for (float[] byPeriod : calendar.byPeriod) {
        System.arraycopy(byPeriod, p0, out[j++], at, len);
      }
    }
    if (prices != null) {
      float[] rel = out[j];
      float[] promo = out[j + 1];
      int item = panel.seriesItem()[s];
      boolean daily = panel.freq() == Freq.DAY;
      for (int t = 0; t < len; t++) {
        int day = panel.periodStartDay(p0 + t);
        if (daily) {
          rel[at + t] = prices.rel(item, day);
          promo[at + t] = prices.promo(item, day);
        } else {
          rel[at + t] = meanOver(prices, item, day, 7, true);
          promo[at + t] = meanOver(prices, item, day, 7, false);
        }
      }
    }
  }

  private static float meanOver(PriceTable p, int item, int day, int days, boolean rel) {
    double sum = 0;
    int n = 0;
    for (int d = day; d < day + days; d++) {
      float x = rel ? p.rel(item, d) : p.promo(item, d);
      if (x == x) {
        sum += x;
        n++;
      }
    }
    return n == 0 ? Float.NaN : (float) (sum / n);
  }

  /**
   * What {@link #write} wrote.
   *
   * @param file the output file
   * @param rows rows written
   * @param columns columns written (keys, date, qty and features)
   * @param rowGroups row groups written
   */
  public record WriteSummary(Path file, long rows, int columns, int rowGroups) {}

  /**
   * Streams every row into a Parquet file: the level's key columns, {@code date}, {@code qty} (null
   * in future periods), then the features (null where NaN). The file appears atomically when
   * complete.
   *
   * @param rowsPerGroup the approximate rows per row group (whole series per group)
   */
  public WriteSummary write(Path out, Codec codec, int rowsPerGroup, Progress progress)
      throws IOException {
    List<ColumnSpec> schema = new ArrayList<>();
    for (String k : panel.keyColumns()) {
      schema.add(new ColumnSpec(keyName(k), ColumnType.STRING, false));
    }
    schema.add(new ColumnSpec("date", ColumnType.DATE, false));
    schema.add(new ColumnSpec("qty", ColumnType.FLOAT, true));
    for (String n : names) {
      schema.add(new ColumnSpec(n, ColumnType.FLOAT, true));
    }
    int ns = panel.seriesCount();
    int[] offsets = panel.offsets();
    int maxSeriesLen = 0;
    for (int s = 0; s < ns; s++) {
      maxSeriesLen = Math.max(maxSeriesLen, offsets[s + 1] - offsets[s]);
    }
    int cap = Math.max(rowsPerGroup, maxSeriesLen);
    cap = Math.min(cap, Math.max(1, panel.rows()));
    float[][] buf = new float[names.size()][cap];
    float[] qty = new float[cap];
    int[] date = new int[cap];
    int keys = panel.keyColumns().size();
    int[][] keyCodes = new int[keys][cap];
    int groups = 0;
    try (ParquetWriter w = ParquetWriter.open(out, schema, codec)) {
      int s = 0;
      do {
        int from = s;
        int rows = 0;
        while (s < ns && (rows == 0 || rows + offsets[s + 1] - offsets[s] <= cap)) {
          rows += offsets[s + 1] - offsets[s];
          s++;
        }
        int to = s;
        int base = offsets[from];
        int per = Math.max(1, (to - from + 1) / 2);
        IntStream.range(0, (to - from + per - 1) / per)
            .parallel()
            .forEach(
                c -> {
                  int a = from + c * per;
                  int b = Math.min(to, a + per);
                  for (int x = a; x < b; x++) {
                    fillSeries(x, buf, qty, date, keyCodes, offsets[x] - base);
                  }
                });
        List<ColumnData> cols = new ArrayList<>(schema.size());
        for (int k = 0; k < keys; k++) {
          cols.add(new StringColumn(keyCodes[k], rows, panel.keyDictionary(k)));
        }
        cols.add(new IntColumn(date, rows, null));
        cols.add(new FloatColumn(qty, rows));
        for (float[] b : buf) {
          cols.add(new FloatColumn(b, rows));
        }
        w.writeRowGroup(cols.toArray(ColumnData[]::new));
        groups++;
        progress.step(to - from);
      } while (s < ns);
    }
    return new WriteSummary(out, panel.rows(), schema.size(), groups);
  }

  private void fillSeries(int s, float[][] buf, float[] qty, int[] date, int[][] keyCodes, int at) {
    int off = panel.offsets()[s];
    int len = panel.offsets()[s + 1] - off;
    computeSeries(s, buf, at);
    System.arraycopy(panel.values(), off, qty, at, len);
    int p0 = panel.firstPeriod(s);
    for (int t = 0; t < len; t++) {
      date[at + t] = panel.periodStartDay(p0 + t);
    }
    for (int k = 0; k < keyCodes.length; k++) {
      java.util.Arrays.fill(keyCodes[k], at, at + len, panel.keyCodes(k)[s]);
    }
  }

  /** The output column name of a level column: {@code store_id}, {@code item_id}, or as is. */
  public static String keyName(String levelColumn) {
    return switch (levelColumn) {
      case "store" -> "store_id";
      case "item" -> "item_id";
      default -> levelColumn;
    };
  }
}
