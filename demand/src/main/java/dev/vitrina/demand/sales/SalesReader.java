package dev.vitrina.demand.sales;

import dev.vitrina.core.ids.IdIndex;
import dev.vitrina.core.table.BadRowPolicy;
import dev.vitrina.core.table.Field;
import dev.vitrina.core.table.FieldKind;
import dev.vitrina.core.table.Table;
import dev.vitrina.core.table.TableSource;
import dev.vitrina.core.table.Tables;
import dev.vitrina.core.validate.ValidationReport;
import dev.vitrina.demand.data.Dimensions;
import dev.vitrina.demand.internal.PairIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads sales rows from Parquet ({@code .parquet}) or CSV (anything else) through core's table
 * layer ({@link Tables}) and validates them: unknown store or item ids (when the dimension tables
 * are known), null or unparseable dates, null, non-numeric, negative or non-finite quantities are
 * rejected with file, row and column in the report (or, with {@link
 * SalesReadOptions.OnInvalid#FAIL}, fail after the whole file is read, listing how many rows broke
 * which rule and the first of them); repeated (store, item, date) rows are summed and counted, or
 * fail with {@link SalesReadOptions.OnDuplicate#FAIL}. Nothing is dropped without a count.
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
    Fields f = new Fields(options.columns());
    TableSource source =
        TableSource.of(file).withDelimiter(Character.toString(options.delimiter()));
    Table table = Tables.read(source, f.all());
    return validate(file, table, f, options, dims);
  }

  /** The fields of a sales file, mapped to its columns. */
  private record Fields(Field store, Field item, Field date, Field qty, Field price, Field promo) {
    Fields(SalesColumns c) {
      this(
          Field.required("storeColumn", "store id", c.store(), FieldKind.ID),
          Field.required("itemColumn", "item id", c.item(), FieldKind.ID),
          Field.required("dateColumn", "date", c.date(), FieldKind.DAY),
          Field.required("qtyColumn", "quantity", c.qty(), FieldKind.FLOAT),
          c.price() == null
              ? null
              : Field.optional("priceColumn", "price", c.price(), FieldKind.FLOAT),
          c.promo() == null
              ? null
              : Field.optional("promoColumn", "promo", c.promo(), FieldKind.FLAG));
    }

    List<Field> all() {
      List<Field> out = new ArrayList<>(List.of(store, item, date, qty));
      if (price != null) {
        out.add(price);
      }
      if (promo != null) {
        out.add(promo);
      }
      return out;
    }
  }

  private static SalesTable validate(
      Path file, Table table, Fields f, SalesReadOptions o, Dimensions dims) {
    int n = table.rows();
    Table.Ids storeIds = table.ids(f.store());
    Table.Ids itemIds = table.ids(f.item());
    IdIndex stores = dims.stores() != null ? dims.stores() : sortedIndex(storeIds.dictionary());
    IdIndex items = dims.items() != null ? dims.items() : sortedIndex(itemIds.dictionary());
    int[] storeMap = mapDictionary(storeIds.dictionary(), stores);
    int[] itemMap = mapDictionary(itemIds.dictionary(), items);
    float[] qtyIn = table.floats(f.qty()).values();
    for (int i = 0; i < n; i++) {
      if (!table.isRejected(i)) {
        checkRow(table, f, i, storeIds, storeMap, itemIds, itemMap, qtyIn[i]);
      }
    }
    table.finish(
        o.onInvalid() == SalesReadOptions.OnInvalid.FAIL
            ? BadRowPolicy.FAIL
            : BadRowPolicy.SKIP_AND_REPORT,
        "onInvalid",
        "REJECT");
    int kept = (int) (n - table.rejectedCount());
    float[] priceIn = f.price() == null ? missing(n) : table.floats(f.price()).values();
    float[] promoIn = f.promo() == null ? missing(n) : table.floats(f.promo()).values();
    int[] dayIn = table.days(f.date()).days();
    int[] store;
    int[] item;
    int[] day;
    float[] qty;
    float[] price;
    float[] promo;
    long[] rowOf = new long[kept];
    if (kept == n) { // nothing rejected: the table's arrays become the sales table, no copies
      store = exact(storeIds.codes(), n);
      item = exact(itemIds.codes(), n);
      for (int i = 0; i < n; i++) {
        store[i] = storeMap[store[i]];
        item[i] = itemMap[item[i]];
        rowOf[i] = table.rowNumber(i);
      }
      day = exact(dayIn, n);
      qty = exact(qtyIn, n);
      price = exact(priceIn, n);
      promo = exact(promoIn, n);
    } else {
      store = new int[kept];
      item = new int[kept];
      day = new int[kept];
      qty = new float[kept];
      price = new float[kept];
      promo = new float[kept];
    }
    for (int i = 0, k = 0; i < n && kept < n; i++) {
      if (!table.isRejected(i)) {
        store[k] = storeMap[storeIds.codes()[i]];
        item[k] = itemMap[itemIds.codes()[i]];
        day[k] = dayIn[i];
        qty[k] = qtyIn[i];
        price[k] = priceIn[i];
        promo[k] = promoIn[i];
        rowOf[k] = table.rowNumber(i);
        k++;
      }
    }
    SalesColumns c = o.columns();
    ValidationReport.Builder report = table.report();
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
              + " (allowEmpty).");
    }
    return new SalesTable(kept, store, item, day, qty, price, promo, stores, items, built, pairs);
  }

  /** The sales rules beyond the shared ones: known ids, a finite quantity that is not negative. */
  private static void checkRow(
      Table table,
      Fields f,
      int i,
      Table.Ids storeIds,
      int[] storeMap,
      Table.Ids itemIds,
      int[] itemMap,
      float q) {
    int sc = storeIds.codes()[i];
    int ic = itemIds.codes()[i];
    if (storeMap[sc] < 0) {
      table.reject(
          i,
          "unknown store id",
          f.store().column(),
          storeIds.dictionary()[sc],
          "unknown store id; add it to stores.parquet or fix the id");
    } else if (itemMap[ic] < 0) {
      table.reject(
          i,
          "unknown item id",
          f.item().column(),
          itemIds.dictionary()[ic],
          "unknown item id; add it to items.parquet or fix the id");
    } else if (Float.isInfinite(q)) {
      table.reject(
          i, "infinite quantity", f.qty().column(), Float.toString(q), "quantity is infinite");
    } else if (q < 0) {
      table.reject(
          i,
          "negative quantity",
          f.qty().column(),
          Float.toString(q),
          "quantity is negative; record returns in a separate column or file");
    }
  }

  private static int[] exact(int[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  private static float[] exact(float[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  private static float[] missing(int n) {
    float[] nan = new float[n];
    Arrays.fill(nan, Float.NaN);
    return nan;
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
