package dev.vitrina.demand.panel;

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
    Level level = options.level();
    Freq freq = options.freq();
    int n = sales.rows();
    int[] day = sales.day();
    int nItems = sales.items().size();

    // 1. Key components per level column, as functions of store or item.
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
            List<String> avail = new ArrayList<>(List.of("store", "item"));
            avail.addAll(dims.attributeNames());
            throw new IllegalArgumentException(
                "--level column '"
                    + col
                    + "' is neither store, item, nor an attribute in stores.parquet or"
                    + " items.parquet; available: "
                    + String.join(",", avail));
          }
        }
      }
    }

    // 2. Pairs -> series keys (mixed radix over sorted dictionaries = lexicographic order).
    PairIndex pairs = sales.pairs();
    int np = pairs.size();
    long[] pairKey = new long[np];
    for (int p = 0; p < np; p++) {
      long key = pairs.key(p);
      int store = (int) (key / nItems);
      int item = (int) (key % nItems);
      long sk = 0;
      for (int c = 0; c < k; c++) {
        int code = byStore[c] != null ? byStore[c][store] : byItem[c][item];
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
    int[] seriesItem = null;
    int itemCol = level.columns().indexOf("item");
    if (itemCol >= 0) {
      seriesItem = new int[ns];
      String[] itemDict = dicts[itemCol];
      Map<String, Integer> itemIndex = new HashMap<>();
      for (int i = 0; i < nItems; i++) {
        itemIndex.put(sales.items().id(i), i);
      }
      for (int s = 0; s < ns; s++) {
        seriesItem[s] = itemIndex.get(itemDict[keyCodes[itemCol][s]]);
      }
    }

    // 3. Periods: origin, last period, per-series first period.
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
    int days = freq.days();
    int lastPeriod = (freq.periodStart(endDay) - origin) / days;
    int observed = Math.max(0, lastPeriod + 1);
    boolean lastComplete = freq == Freq.DAY || endDay - freq.periodStart(endDay) == 6;

    int[] pairOfRow = pairs.pairOfRow();
    int[] first = new int[ns];
    Arrays.fill(first, options.start() != null ? 0 : Integer.MAX_VALUE);
    long before = 0;
    long after = 0;
    // Pass 1: series and period of each row in range; first period and row count per series.
    int[] rowSeries = new int[n];
    int[] rowPeriod = new int[n];
    int[] count = new int[ns + 1];
    for (int i = 0; i < n; i++) {
      int d = day[i];
      if (d < startDay) {
        before++;
        rowSeries[i] = -1;
      } else if (d > endDay) {
        after++;
        rowSeries[i] = -1;
      } else {
        int s = seriesOfPair[pairOfRow[i]];
        int p = (freq.periodStart(d) - origin) / days;
        rowSeries[i] = s;
        rowPeriod[i] = p;
        count[s + 1]++;
        if (p < first[s]) {
          first[s] = p;
        }
      }
    }
    int extend = options.extendPeriods();
    int[] offsets = new int[ns + 1];
    long total = 0;
    for (int s = 0; s < ns; s++) {
      if (first[s] == Integer.MAX_VALUE) {
        first[s] = observed; // a series with no rows in range keeps no observed cells
      }
      int len = observed - first[s] + extend;
      total += len;
      if (total > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException(
            "the calendar-completed panel would have more than 2^31 cells; use a coarser --level,"
                + " --freq week, or a later --start");
      }
      offsets[s + 1] = (int) total;
      count[s + 1] += count[s];
    }

    // Pass 2: partition rows by series (a counting sort: writes advance 'series' cursors, which
    // stay in cache, instead of landing at random in the large values array).
    int kept = count[ns];
    int[] cellOf = new int[kept];
    float[] qtyOf = new float[kept];
    int[] cursor = Arrays.copyOf(count, ns);
    float[] qty = sales.qty();
    for (int i = 0; i < n; i++) {
      int s = rowSeries[i];
      if (s >= 0) {
        int at = cursor[s]++;
        cellOf[at] = offsets[s] + rowPeriod[i] - first[s];
        qtyOf[at] = qty[i];
      }
    }

    // Pass 3: accumulate series by series.
    float[] values = new float[(int) total];
    if (extend > 0) {
      for (int s = 0; s < ns; s++) {
        Arrays.fill(values, offsets[s + 1] - extend, offsets[s + 1], Float.NaN);
      }
    }
    for (int at = 0; at < kept; at++) {
      values[cellOf[at]] += qtyOf[at];
    }
    long inRange = n - before - after;
    // Observed cells: the distinct cells the rows fall in (duplicates and, for weeks, the days of
    // one week count once), the denominator of the growth factor.
    BitSet seen = new BitSet((int) total);
    for (int at = 0; at < kept; at++) {
      seen.set(cellOf[at]);
    }
    long observedCells = seen.cardinality();
    return new Panel(
        options,
        offsets,
        values,
        first,
        origin,
        observed,
        level.columns(),
        dicts,
        keyCodes,
        seriesItem,
        new Panel.PanelStats(inRange, observedCells, before, after, lastComplete));
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
