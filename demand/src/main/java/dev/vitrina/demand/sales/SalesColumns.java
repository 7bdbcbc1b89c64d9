package dev.vitrina.demand.sales;

import java.util.Objects;

/**
 * The column names of a sales file. {@code price} and {@code promo} may be null when the file has
 * no such columns.
 */
public record SalesColumns(
    String store, String item, String date, String qty, String price, String promo) {

  /** The names the generator writes: store_id, item_id, date, qty, price, promo. */
  public static final SalesColumns DEFAULT =
      new SalesColumns("store_id", "item_id", "date", "qty", "price", "promo");

  public SalesColumns {
    Objects.requireNonNull(store, "store column");
    Objects.requireNonNull(item, "item column");
    Objects.requireNonNull(date, "date column");
    Objects.requireNonNull(qty, "qty column");
  }
}
