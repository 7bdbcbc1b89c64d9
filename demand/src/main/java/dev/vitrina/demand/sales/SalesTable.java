package dev.vitrina.demand.sales;

import dev.vitrina.core.ids.IdIndex;
import dev.vitrina.core.validate.ValidationReport;
import dev.vitrina.demand.internal.PairIndex;

/**
 * Validated sales rows in columnar form. Store and item ids are dense ints into {@link #stores()}
 * and {@link #items()}; dates are epoch days; {@code price} and {@code promo} are NaN where
 * unknown. Arrays are owned by the table and must not be modified.
 */
public final class SalesTable {
  private final int rows;
  private final int[] store;
  private final int[] item;
  private final int[] day;
  private final float[] qty;
  private final float[] price;
  private final float[] promo;
  private final IdIndex stores;
  private final IdIndex items;
  private final ValidationReport report;
  private PairIndex pairs;

  SalesTable(
      int rows,
      int[] store,
      int[] item,
      int[] day,
      float[] qty,
      float[] price,
      float[] promo,
      IdIndex stores,
      IdIndex items,
      ValidationReport report,
      PairIndex pairs) {
    this.pairs = pairs;
    this.rows = rows;
    this.store = store;
    this.item = item;
    this.day = day;
    this.qty = qty;
    this.price = price;
    this.promo = promo;
    this.stores = stores;
    this.items = items;
    this.report = report;
  }

  /** Builds a table from arrays of equal length (for tests and callers with their own readers). */
  public static SalesTable of(
      int[] store, int[] item, int[] day, float[] qty, IdIndex stores, IdIndex items) {
    int n = store.length;
    if (item.length != n || day.length != n || qty.length != n) {
      throw new IllegalArgumentException("store, item, day and qty must have the same length");
    }
    float[] nan = new float[n];
    java.util.Arrays.fill(nan, Float.NaN);
    return new SalesTable(
        n,
        store,
        item,
        day,
        qty,
        nan,
        nan,
        stores,
        items,
        new ValidationReport.Builder("(in memory)").read(n).build(),
        null);
  }

  public int rows() {
    return rows;
  }

  public int[] store() {
    return store;
  }

  public int[] item() {
    return item;
  }

  public int[] day() {
    return day;
  }

  public float[] qty() {
    return qty;
  }

  public float[] price() {
    return price;
  }

  public float[] promo() {
    return promo;
  }

  public IdIndex stores() {
    return stores;
  }

  public IdIndex items() {
    return items;
  }

  public ValidationReport report() {
    return report;
  }

  /** Dense ids of the (store, item) pairs of the rows, computed once. */
  public synchronized PairIndex pairs() {
    if (pairs == null) {
      pairs = PairIndex.build(store, item, items.size());
    }
    return pairs;
  }
}
