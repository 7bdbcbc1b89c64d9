package dev.vitrina.demand.sales;

import dev.vitrina.core.ids.IdIndex;
import dev.vitrina.core.io.csv.CsvOptions;
import dev.vitrina.core.io.csv.CsvReader;
import dev.vitrina.core.io.csv.CsvRow;
import dev.vitrina.core.validate.ValidationReport;
import dev.vitrina.demand.data.Columns;
import dev.vitrina.demand.data.Dimensions;
import dev.vitrina.demand.internal.PairIndex;
import dev.vitrina.parquet.ColumnData;
import dev.vitrina.parquet.ColumnSpec;
import dev.vitrina.parquet.ColumnType;
import dev.vitrina.parquet.IntColumn;
import dev.vitrina.parquet.LongColumn;
import dev.vitrina.parquet.ParquetReader;
import dev.vitrina.parquet.StringColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads sales rows from Parquet ({@code .parquet}) or CSV (anything else) and validates them:
 * unknown store or item ids (when the dimension tables are known), null or unparseable dates, null,
 * non-numeric, negative or non-finite quantities are rejected with file, row and column in the
 * report (or fail at once with {@link SalesReadOptions.OnInvalid#FAIL}); repeated (store, item,
 * date) rows are summed and counted, or fail with {@link SalesReadOptions.OnDuplicate#FAIL}.
 * Nothing is dropped without a count.
 *
 * <p>Dates in text are ISO {@code yyyy-MM-dd}. Parquet DATE and timestamp columns give the calendar
 * date of {@link ParquetReader#readDays}: a timestamp's date in the column's own time zone (from
 * the pandas or Arrow metadata; UTC when none is named; the wall-clock date of local timestamps);
 * plain INT32 columns are days since 1970-01-01 and plain INT64 columns epoch milliseconds (UTC). A
 * column the Parquet reader cannot read fails naming its Parquet type. Rows are 1-based data rows
 * for Parquet and physical line numbers for CSV.
 */
public final class SalesReader {

  private SalesReader() {}

  /** Reads and validates {@code file}; {@code dims} may be {@link Dimensions#none()}. */
  public static SalesTable read(Path file, SalesReadOptions options, Dimensions dims)
      throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    Raw raw = name.endsWith(".parquet") ? readParquet(file, options) : readCsv(file, options);
    return validate(file, raw, options, dims);
  }

  /** Raw columns before validation; ids as codes into per-file dictionaries (-1 = null). */
  private record Raw(
      int n,
      int[] store,
      String[] storeDict,
      int[] item,
      String[] itemDict,
      int[] day,
      String[] badDate,
      float[] qty,
      String[] badQty,
      float[] price,
      float[] promo,
      long[] row,
      String[] malformed) {}

  private static final int NO_DAY = Integer.MIN_VALUE;

  private static Raw readParquet(Path file, SalesReadOptions o) throws IOException {
    SalesColumns c = o.columns();
    try (ParquetReader r = ParquetReader.open(file)) {
      List<String> names = r.schema().stream().map(ColumnSpec::name).toList();
      for (String col : new String[] {c.store(), c.item(), c.date(), c.qty()}) {
        if (!r.hasColumn(col)) {
          throw new IllegalArgumentException(
              file
                  + " has no column '"
                  + col
                  + "'; its columns are "
                  + names
                  + "; map yours with --store-col/--item-col/--date-col/--qty-col");
        }
      }
      StringColumn store = asStrings(r.readColumn(c.store()), file, c.store());
      StringColumn item = asStrings(r.readColumn(c.item()), file, c.item());
      int n = store.size();
      int[] day = new int[n];
      String[] badDate = null;
      ColumnType dateType =
          r.schema().stream()
              .filter(s -> s.name().equals(c.date()))
              .map(ColumnSpec::type)
              .findFirst()
              .orElse(null);
      ColumnData d =
          dateType == ColumnType.DATE || dateType == ColumnType.TIMESTAMP_MILLIS
              ? r.readDays(c.date())
              : r.readColumn(c.date());
      switch (d) {
        case IntColumn ic -> {
          for (int i = 0; i < n; i++) {
            day[i] = ic.isNull(i) ? NO_DAY : ic.values()[i];
          }
        }
        case LongColumn lc -> {
          for (int i = 0; i < n; i++) {
            day[i] = lc.isNull(i) ? NO_DAY : (int) Math.floorDiv(lc.values()[i], 86_400_000L);
          }
        }
        case StringColumn sc -> {
          badDate = new String[n];
          int[] dictDays = new int[sc.dictionary().length];
          for (int k = 0; k < dictDays.length; k++) {
            dictDays[k] = parseDay(sc.dictionary()[k]);
          }
          for (int i = 0; i < n; i++) {
            int code = sc.codes()[i];
            day[i] = code < 0 ? NO_DAY : dictDays[code];
            if (code >= 0 && day[i] == NO_DAY) {
              badDate[i] = sc.dictionary()[code];
            }
          }
        }
        default ->
            throw new IllegalArgumentException(
                file
                    + ": column '"
                    + c.date()
                    + "' must be a date, timestamp or yyyy-MM-dd text, got "
                    + Columns.kind(d));
      }
      float[] qty;
      String[] badQty = null;
      ColumnData q = r.readColumn(c.qty());
      if (q instanceof StringColumn sq) {
        qty = new float[n];
        badQty = new String[n];
        for (int i = 0; i < n; i++) {
          int code = sq.codes()[i];
          String text = code < 0 ? null : sq.dictionary()[code];
          qty[i] = parseQty(text);
          if (text != null && Float.isNaN(qty[i])) {
            badQty[i] = text;
          }
        }
      } else {
        qty = Columns.floats(q, file, c.qty());
      }
      float[] price = optionalFloats(r, names, c.price(), file, n);
      float[] promo = optionalFloats(r, names, c.promo(), file, n);
      return new Raw(
          n,
          store.codes(),
          store.dictionary(),
          item.codes(),
          item.dictionary(),
          day,
          badDate,
          qty,
          badQty,
          price,
          promo,
          null,
          null);
    }
  }

  private static float[] optionalFloats(
      ParquetReader r, List<String> names, String col, Path file, int n) throws IOException {
    if (col == null || !names.contains(col)) {
      float[] nan = new float[n];
      Arrays.fill(nan, Float.NaN);
      return nan;
    }
    return Columns.floats(r.readColumn(col), file, col);
  }

  private static StringColumn asStrings(ColumnData d, Path file, String col) {
    if (d instanceof StringColumn s) {
      return s;
    }
    String[] values = Columns.strings(d, file, col);
    return StringColumn.of(values);
  }

  private static Raw readCsv(Path file, SalesReadOptions o) throws IOException {
    SalesColumns c = o.columns();
    Map<String, Integer> storeDict = new HashMap<>();
    Map<String, Integer> itemDict = new HashMap<>();
    List<String> storeNames = new ArrayList<>();
    List<String> itemNames = new ArrayList<>();
    int cap = 1 << 16;
    int[] store = new int[cap];
    int[] item = new int[cap];
    int[] day = new int[cap];
    float[] qty = new float[cap];
    float[] price = new float[cap];
    float[] promo = new float[cap];
    long[] line = new long[cap];
    Map<Integer, String> badDate = new HashMap<>();
    Map<Integer, String> badQty = new HashMap<>();
    Map<Integer, String> malformed = new HashMap<>();
    int n = 0;
    try (CsvReader r = CsvReader.open(file, CsvOptions.csv().withDelimiter(o.delimiter()))) {
      int si = r.columnIndex(c.store());
      int ii = r.columnIndex(c.item());
      int di = r.columnIndex(c.date());
      int qi = r.columnIndex(c.qty());
      int pi = c.price() == null ? -1 : r.header().indexOf(c.price());
      int mi = c.promo() == null ? -1 : r.header().indexOf(c.promo());
      // every row has the header's width: a short row and a row with an extra field (a stray
      // delimiter, an unquoted comma) are both rejected, never read from shifted columns
      int width = r.header().size();
      for (CsvRow row : r) {
        if (n == store.length) {
          cap = n * 2;
          store = Arrays.copyOf(store, cap);
          item = Arrays.copyOf(item, cap);
          day = Arrays.copyOf(day, cap);
          qty = Arrays.copyOf(qty, cap);
          price = Arrays.copyOf(price, cap);
          promo = Arrays.copyOf(promo, cap);
          line = Arrays.copyOf(line, cap);
        }
        line[n] = row.lineNumber();
        if (row.fieldCount() != width) {
          malformed.put(
              n,
              "has "
                  + row.fieldCount()
                  + " fields, the header has "
                  + width
                  + (row.fieldCount() < width ? " (too few)" : " (too many)"));
          store[n] = -1;
          n++;
          continue;
        }
        store[n] = code(row.field(si), storeDict, storeNames);
        item[n] = code(row.field(ii), itemDict, itemNames);
        String ds = row.field(di);
        day[n] = ds == null || ds.isEmpty() ? NO_DAY : parseDay(ds);
        if (day[n] == NO_DAY && ds != null && !ds.isEmpty()) {
          badDate.put(n, ds);
        }
        String qs = row.field(qi);
        qty[n] = parseQty(qs);
        if (Float.isNaN(qty[n]) && qs != null && !qs.isEmpty()) {
          badQty.put(n, qs);
        }
        price[n] = pi < 0 ? Float.NaN : parseQty(row.field(pi));
        promo[n] = mi < 0 ? Float.NaN : parseFlag(row.field(mi));
        n++;
      }
    }
    String[] bd = new String[n];
    badDate.forEach((k, v) -> bd[k] = v);
    String[] bq = new String[n];
    badQty.forEach((k, v) -> bq[k] = v);
    String[] bad = malformed.isEmpty() ? null : new String[n];
    malformed.forEach((k, v) -> bad[k] = v);
    return new Raw(
        n,
        store,
        storeNames.toArray(String[]::new),
        item,
        itemNames.toArray(String[]::new),
        day,
        bd,
        qty,
        bq,
        price,
        promo,
        line,
        bad);
  }

  private static int code(String id, Map<String, Integer> dict, List<String> names) {
    if (id == null || id.isEmpty()) {
      return -1;
    }
    Integer c = dict.get(id);
    if (c == null) {
      c = names.size();
      dict.put(id, c);
      names.add(id);
    }
    return c;
  }

  static int parseDay(String s) {
    if (s == null) {
      return NO_DAY;
    }
    try {
      return (int) LocalDate.parse(s.trim()).toEpochDay();
    } catch (DateTimeParseException e) {
      return NO_DAY;
    }
  }

  static float parseQty(String s) {
    if (s == null || s.isEmpty()) {
      return Float.NaN;
    }
    try {
      return Float.parseFloat(s.trim());
    } catch (NumberFormatException e) {
      return Float.NaN;
    }
  }

  static float parseFlag(String s) {
    if (s == null || s.isEmpty()) {
      return Float.NaN;
    }
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "1", "true", "t", "yes", "y", "1.0" -> 1f;
      case "0", "false", "f", "no", "n", "0.0" -> 0f;
      default -> Float.NaN;
    };
  }

  private static SalesTable validate(Path file, Raw raw, SalesReadOptions o, Dimensions dims) {
    SalesColumns c = o.columns();
    ValidationReport.Builder report = new ValidationReport.Builder(file.toString());
    int n = raw.n();
    report.read(n);
    IdIndex stores = dims.stores() != null ? dims.stores() : sortedIndex(raw.storeDict());
    IdIndex items = dims.items() != null ? dims.items() : sortedIndex(raw.itemDict());
    int[] storeMap = mapDictionary(raw.storeDict(), stores);
    int[] itemMap = mapDictionary(raw.itemDict(), items);
    boolean[] keep = new boolean[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      long row = raw.row() == null ? i + 1 : raw.row()[i];
      int sc = raw.store()[i];
      int ic = raw.item()[i];
      String problem = null;
      if (raw.malformed() != null && raw.malformed()[i] != null) {
        problem =
            reject(
                report,
                o,
                file,
                "malformed row",
                row,
                "(row)",
                raw.malformed()[i],
                "field count differs from the header; check the delimiter and quoting of this line");
      } else if (sc < 0) {
        problem = reject(report, o, file, "null store id", row, c.store(), "", "store id is empty");
      } else if (storeMap[sc] < 0) {
        problem =
            reject(
                report,
                o,
                file,
                "unknown store id",
                row,
                c.store(),
                raw.storeDict()[sc],
                "unknown store id; add it to stores.parquet or fix the id");
      } else if (ic < 0) {
        problem = reject(report, o, file, "null item id", row, c.item(), "", "item id is empty");
      } else if (itemMap[ic] < 0) {
        problem =
            reject(
                report,
                o,
                file,
                "unknown item id",
                row,
                c.item(),
                raw.itemDict()[ic],
                "unknown item id; add it to items.parquet or fix the id");
      } else if (raw.day()[i] == NO_DAY) {
        String text = raw.badDate() == null ? null : raw.badDate()[i];
        problem =
            text == null
                ? reject(report, o, file, "null date", row, c.date(), "", "date is empty")
                : reject(
                    report,
                    o,
                    file,
                    "unparseable date",
                    row,
                    c.date(),
                    text,
                    "date is not yyyy-MM-dd");
      } else {
        float q = raw.qty()[i];
        if (Float.isNaN(q)) {
          String text = raw.badQty() == null ? null : raw.badQty()[i];
          problem =
              text == null
                  ? reject(report, o, file, "null quantity", row, c.qty(), "", "quantity is empty")
                  : reject(
                      report,
                      o,
                      file,
                      "non-numeric quantity",
                      row,
                      c.qty(),
                      text,
                      "quantity is not a number");
        } else if (Float.isInfinite(q)) {
          problem =
              reject(
                  report,
                  o,
                  file,
                  "infinite quantity",
                  row,
                  c.qty(),
                  Float.toString(q),
                  "quantity is infinite");
        } else if (q < 0) {
          problem =
              reject(
                  report,
                  o,
                  file,
                  "negative quantity",
                  row,
                  c.qty(),
                  Float.toString(q),
                  "quantity is negative; record returns in a separate column or file");
        }
      }
      if (problem == null) {
        keep[i] = true;
        kept++;
      }
    }
    int[] store;
    int[] item;
    int[] day;
    float[] qty;
    float[] price;
    float[] promo;
    long[] rowOf;
    if (kept == n) { // nothing rejected: map codes in place, no copies
      store = exact(raw.store(), n);
      item = exact(raw.item(), n);
      for (int i = 0; i < n; i++) {
        store[i] = storeMap[store[i]];
        item[i] = itemMap[item[i]];
      }
      day = exact(raw.day(), n);
      qty = exact(raw.qty(), n);
      price = exact(raw.price(), n);
      promo = exact(raw.promo(), n);
      rowOf = raw.row() == null ? null : Arrays.copyOf(raw.row(), n);
    } else {
      store = new int[kept];
      item = new int[kept];
      day = new int[kept];
      qty = new float[kept];
      price = new float[kept];
      promo = new float[kept];
      rowOf = new long[kept];
      for (int i = 0, k = 0; i < n; i++) {
        if (keep[i]) {
          store[k] = storeMap[raw.store()[i]];
          item[k] = itemMap[raw.item()[i]];
          day[k] = raw.day()[i];
          qty[k] = raw.qty()[i];
          price[k] = raw.price()[i];
          promo[k] = raw.promo()[i];
          rowOf[k] = raw.row() == null ? i + 1 : raw.row()[i];
          k++;
        }
      }
    }
    PairIndex pairs = Duplicates.check(file, store, item, day, rowOf, stores, items, o, report, c);
    ValidationReport built = report.build();
    if (!o.allowEmpty()) {
      built.requireRows(
          "Check the column names (store '"
              + c.store()
              + "', item '"
              + c.item()
              + "', date '"
              + c.date()
              + "', quantity '"
              + c.qty()
              + "'), the delimiter and the date format (yyyy-MM-dd, or a Parquet date or"
              + " timestamp); to accept an empty input on purpose, allow empty results"
              + " (--allow-empty).");
    }
    return new SalesTable(kept, store, item, day, qty, price, promo, stores, items, built, pairs);
  }

  private static int[] exact(int[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  private static float[] exact(float[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  private static String reject(
      ValidationReport.Builder report,
      SalesReadOptions o,
      Path file,
      String kind,
      long row,
      String column,
      String value,
      String reason) {
    if (o.onInvalid() == SalesReadOptions.OnInvalid.FAIL) {
      throw new IllegalArgumentException(
          file
              + ", row "
              + row
              + ", column '"
              + column
              + "': "
              + reason
              + " (value: '"
              + value
              + "'); fix the row, or read with --on-invalid=reject to skip and count such rows");
    }
    report.reject(kind, row, column, value, reason);
    return kind;
  }

  private static IdIndex sortedIndex(String[] dict) {
    String[] sorted = Arrays.copyOf(dict, dict.length);
    Arrays.sort(sorted);
    IdIndex.Builder b = new IdIndex.Builder();
    for (String s : sorted) {
      b.add(s);
    }
    return b.build();
  }

  private static int[] mapDictionary(String[] dict, IdIndex index) {
    int[] map = new int[dict.length];
    for (int k = 0; k < dict.length; k++) {
      map[k] = index.indexOrMinusOne(dict[k]);
    }
    return map;
  }
}
