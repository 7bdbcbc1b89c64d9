package dev.vitrina.demand.panel;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.demand.data.Dimensions;
import dev.vitrina.demand.internal.PairIndex;
import dev.vitrina.demand.sales.SalesTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Panel} from sales rows in three linear passes and no comparison sort: rows are
 * mapped to (store, item) pairs and pairs to series of the level while each series' first period is
 * found; the rows are partitioned by series with a counting sort; then each row's quantity is added
 * at index {@code offsets[series] + period - firstPeriod[series]}.
 *
 * <p>Series are ordered by their key values (each key column's values sorted as text), so the
 * output does not depend on the order of the input rows.
 */
public final class PanelBuilder {

  private PanelBuilder() {}

  /** Builds the panel of {@code sales} at {@code options.level()} and frequency. */
  public static Panel build(SalesTable sales, Dimensions dims, PanelOptions options) {
    KeyColumns keys = keyColumns(sales, dims, options.level());
    Series series = series(sales, keys, options.level());
    Calendar calendar = calendar(sales.day(), options);
    RowCells rows = rowCells(sales, series, calendar, options.start() != null);
    SeriesLayout layout = layout(rows, calendar.observed(), options.extendPeriods());
    Cells cells = partition(sales.qty(), rows, layout);
    float[] values = accumulate(cells, layout, options.extendPeriods());
    long inRange = sales.rows() - rows.before() - rows.after();
    return new Panel(
        options,
        layout.offsets(),
        values,
        rows.first(),
        calendar.origin(),
        calendar.observed(),
        options.level().columns(),
        keys.dicts(),
        series.keyCodes(),
        series.item(),
        new Panel.PanelStats(
            inRange,
            observedCells(cells, layout.total()),
            rows.before(),
            rows.after(),
            calendar.lastComplete()));
  }

  /**
   * The key components of the level's columns: per column its sorted dictionary and the code of
   * each store ({@code byStore}) or each item ({@code byItem}), whichever the column depends on.
   */
  private record KeyColumns(String[][] dicts, int[][] byStore, int[][] byItem) {}

  /**
   * Series of the level: the series of each pair, the number of series, each series' key codes and
   * item (or null).
   */
  private record Series(int[] ofPair, int count, int[][] keyCodes, int[] item) {}

  /**
   * The periods: {@code [startDay, endDay]} the rows kept, the origin day of period 0, the number
   * of observed periods and whether the last one is complete.
   */
  private record Calendar(
      Freq freq, int startDay, int endDay, int origin, int observed, boolean lastComplete) {}

  /**
   * Per row its series and period ({@code series = -1}: out of range), per series its first period
   * ({@code Integer.MAX_VALUE} when it has no row in range) and row count at {@code count[s + 1]},
   * and the rows before and after the range.
   */
  private record RowCells(
      int[] series, int[] period, int[] first, int[] count, long before, long after) {}

  /** Where each series starts in the values array, and the array's length. */
  private record SeriesLayout(int[] offsets, long total) {}

  /** The cell and quantity of each kept row, grouped by series. */
  private record Cells(int[] cellOf, float[] qtyOf) {}

  /** Step 1: key components per level column, as functions of store or item. */
  private static KeyColumns keyColumns(SalesTable sales, Dimensions dims, Level level) {
    int k = level.columns().size();
    String[][] dicts = new String[k][];
    int[][] byStore = new int[k][];
    int[][] byItem = new int[k][];
    for (int c = 0; c < k; c++) {
      String col = level.columns().get(c);
      switch (col) {
        case "store" -> {
          String[] ids = sales.stores().ids();
          dicts[c] = sortedDistinct(ids);
          byStore[c] = codes(ids, dicts[c]);
        }
        case "item" -> {
          String[] ids = sales.items().ids();
          dicts[c] = sortedDistinct(ids);
          byItem[c] = codes(ids, dicts[c]);
        }
        default -> {
          String[] sa = dims.storeAttributes().get(col);
          String[] ia = dims.itemAttributes().get(col);
          if (sa != null) {
            requireAligned(sales.stores().size(), dims.stores().size(), "stores");
            dicts[c] = sortedDistinct(sa);
            byStore[c] = codes(sa, dicts[c]);
          } else if (ia != null) {
            requireAligned(sales.items().size(), dims.items().size(), "items");
            dicts[c] = sortedDistinct(ia);
            byItem[c] = codes(ia, dicts[c]);
          } else {
            throw unknownLevelColumn(col, dims);
          }
        }
      }
    }
    return new KeyColumns(dicts, byStore, byItem);
  }

  private static ParameterException unknownLevelColumn(String col, Dimensions dims) {
    List<String> avail = new ArrayList<>(List.of("store", "item"));
    avail.addAll(dims.attributeNames());
    return new ParameterException(
        "level",
        "column '"
            + col
            + "' is neither store, item, nor an attribute in stores.parquet or"
            + " items.parquet; available: "
            + String.join(",", avail));
  }

  /**
   * Step 2: pairs to series keys (mixed radix over sorted dictionaries = lexicographic order), the
   * distinct keys in order as the series, and each series' key codes and item.
   */
  private static Series series(SalesTable sales, KeyColumns keys, Level level) {
    String[][] dicts = keys.dicts();
    int k = dicts.length;
    int nItems = sales.items().size();
    PairIndex pairs = sales.pairs();
    int np = pairs.size();
    long[] pairKey = new long[np];
    for (int p = 0; p < np; p++) {
      long key = pairs.key(p);
      int store = (int) (key / nItems);
      int item = (int) (key % nItems);
      long sk = 0;
      for (int c = 0; c < k; c++) {
        int code = keys.byStore()[c] != null ? keys.byStore()[c][store] : keys.byItem()[c][item];
        sk = sk * dicts[c].length + code;
      }
      pairKey[p] = sk;
    }
    long[] seriesKeys = Arrays.stream(pairKey).sorted().distinct().toArray();
    int ns = seriesKeys.length;
    int[] seriesOfPair = new int[np];
    for (int p = 0; p < np; p++) {
      seriesOfPair[p] = Arrays.binarySearch(seriesKeys, pairKey[p]);
    }
    int[][] keyCodes = new int[k][ns];
    for (int s = 0; s < ns; s++) {
      long sk = seriesKeys[s];
      for (int c = k - 1; c >= 0; c--) {
        keyCodes[c][s] = (int) (sk % dicts[c].length);
        sk /= dicts[c].length;
      }
    }
    return new Series(seriesOfPair, ns, keyCodes, seriesItems(sales, dicts, keyCodes, ns, level));
  }

  /** The item index of each series when the level has an item column, else null. */
  private static int[] seriesItems(
      SalesTable sales, String[][] dicts, int[][] keyCodes, int ns, Level level) {
    int itemCol = level.columns().indexOf("item");
    if (itemCol < 0) {
      return null;
    }
    int nItems = sales.items().size();
    int[] seriesItem = new int[ns];
    String[] itemDict = dicts[itemCol];
    Map<String, Integer> itemIndex = new HashMap<>();
    for (int i = 0; i < nItems; i++) {
      itemIndex.put(sales.items().id(i), i);
    }
    for (int s = 0; s < ns; s++) {
      seriesItem[s] = itemIndex.get(itemDict[keyCodes[itemCol][s]]);
    }
    return seriesItem;
  }

  /** Step 3: periods: origin, last period, whether it is complete. */
  private static Calendar calendar(int[] day, PanelOptions options) {
    Freq freq = options.freq();
    int n = day.length;
    int minDay = Integer.MAX_VALUE;
    int maxDay = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      minDay = Math.min(minDay, day[i]);
      maxDay = Math.max(maxDay, day[i]);
    }
    int startDay = options.start() != null ? (int) options.start().toEpochDay() : minDay;
    int endDay = options.end() != null ? (int) options.end().toEpochDay() : maxDay;
    if (n == 0) {
      startDay = options.start() != null ? startDay : 0;
      endDay = options.end() != null ? endDay : startDay;
    }
    int origin = freq.periodStart(startDay);
    int lastPeriod = (freq.periodStart(endDay) - origin) / freq.days();
    int observed = Math.max(0, lastPeriod + 1);
    boolean lastComplete = freq == Freq.DAY || endDay - freq.periodStart(endDay) == 6;
    return new Calendar(freq, startDay, endDay, origin, observed, lastComplete);
  }

  /**
   * Pass 1: series and period of each row in range; first period and row count per series. With an
   * explicit start every series starts at period 0.
   */
  private static RowCells rowCells(
      SalesTable sales, Series series, Calendar calendar, boolean explicitStart) {
    int n = sales.rows();
    int[] day = sales.day();
    int ns = series.count();
    int[] seriesOfPair = series.ofPair();
    int[] pairOfRow = sales.pairs().pairOfRow();
    int[] first = new int[ns];
    Arrays.fill(first, explicitStart ? 0 : Integer.MAX_VALUE);
    long before = 0;
    long after = 0;
    int[] rowSeries = new int[n];
    int[] rowPeriod = new int[n];
    int[] count = new int[ns + 1];
    for (int i = 0; i < n; i++) {
      int d = day[i];
      if (d < calendar.startDay()) {
        before++;
        rowSeries[i] = -1;
      } else if (d > calendar.endDay()) {
        after++;
        rowSeries[i] = -1;
      } else {
        int s = seriesOfPair[pairOfRow[i]];
        int p = (calendar.freq().periodStart(d) - calendar.origin()) / calendar.freq().days();
        rowSeries[i] = s;
        rowPeriod[i] = p;
        count[s + 1]++;
        if (p < first[s]) {
          first[s] = p;
        }
      }
    }
    return new RowCells(rowSeries, rowPeriod, first, count, before, after);
  }

  /**
   * Each series' span in the values array, from its first period through the last observed one plus
   * {@code extend} periods; turns {@code rows.count()} into running starts (a series with no rows
   * in range gets first period {@code observed} and no observed cells).
   */
  private static SeriesLayout layout(RowCells rows, int observed, int extend) {
    int[] first = rows.first();
    int[] count = rows.count();
    int ns = first.length;
    int[] offsets = new int[ns + 1];
    long total = 0;
    for (int s = 0; s < ns; s++) {
      if (first[s] == Integer.MAX_VALUE) {
        first[s] = observed;
      }
      int len = observed - first[s] + extend;
      total += len;
      if (total > Integer.MAX_VALUE - 16) {
        throw new ParameterException(
            "level",
            "makes the calendar-completed panel larger than 2^31 cells; use a coarser level, a"
                + " weekly freq, or a later start");
      }
      offsets[s + 1] = (int) total;
      count[s + 1] += count[s];
    }
    return new SeriesLayout(offsets, total);
  }

  /**
   * Pass 2: partition rows by series (a counting sort: writes advance 'series' cursors, which stay
   * in cache, instead of landing at random in the large values array).
   */
  private static Cells partition(float[] qty, RowCells rows, SeriesLayout layout) {
    int[] count = rows.count();
    int ns = count.length - 1;
    int kept = count[ns];
    int[] cellOf = new int[kept];
    float[] qtyOf = new float[kept];
    int[] cursor = Arrays.copyOf(count, ns);
    int[] rowSeries = rows.series();
    int[] offsets = layout.offsets();
    int[] first = rows.first();
    for (int i = 0; i < rowSeries.length; i++) {
      int s = rowSeries[i];
      if (s >= 0) {
        int at = cursor[s]++;
        cellOf[at] = offsets[s] + rows.period()[i] - first[s];
        qtyOf[at] = qty[i];
      }
    }
    return new Cells(cellOf, qtyOf);
  }

  /** Pass 3: accumulate series by series; the extension periods are NaN. */
  private static float[] accumulate(Cells cells, SeriesLayout layout, int extend) {
    float[] values = new float[(int) layout.total()];
    int[] offsets = layout.offsets();
    if (extend > 0) {
      for (int s = 0; s < offsets.length - 1; s++) {
        Arrays.fill(values, offsets[s + 1] - extend, offsets[s + 1], Float.NaN);
      }
    }
    int[] cellOf = cells.cellOf();
    float[] qtyOf = cells.qtyOf();
    for (int at = 0; at < cellOf.length; at++) {
      values[cellOf[at]] += qtyOf[at];
    }
    return values;
  }

  /**
   * Observed cells: the distinct cells the rows fall in (duplicates and, for weeks, the days of one
   * week count once), the denominator of the growth factor.
   */
  private static long observedCells(Cells cells, long total) {
    BitSet seen = new BitSet((int) total);
    for (int cell : cells.cellOf()) {
      seen.set(cell);
    }
    return seen.cardinality();
  }

  private static void requireAligned(int salesSize, int dimSize, String what) {
    if (salesSize != dimSize) {
      throw new IllegalStateException(
          "sales were not read against the " + what + " table; read them with the dimensions");
    }
  }

  private static String[] sortedDistinct(String[] values) {
    return Arrays.stream(values)
        .map(v -> v == null ? "" : v)
        .distinct()
        .sorted()
        .toArray(String[]::new);
  }

  private static int[] codes(String[] values, String[] dict) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Arrays.binarySearch(dict, values[i] == null ? "" : values[i]);
    }
    return out;
  }
}
