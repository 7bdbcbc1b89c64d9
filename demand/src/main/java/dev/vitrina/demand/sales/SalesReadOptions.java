package dev.vitrina.demand.sales;

import java.util.Objects;

/**
 * How to read a sales file.
 *
 * @param columns the column names
 * @param onDuplicate what to do with repeated (store, item, date) rows
 * @param onInvalid what to do with rows that fail validation
 * @param delimiter the CSV delimiter (ignored for Parquet)
 */
public record SalesReadOptions(
    SalesColumns columns, OnDuplicate onDuplicate, OnInvalid onInvalid, char delimiter) {

  /** Default: generator column names, duplicates summed, invalid rows rejected and reported. */
  public static final SalesReadOptions DEFAULT =
      new SalesReadOptions(SalesColumns.DEFAULT, OnDuplicate.SUM, OnInvalid.REJECT, ',');

  public SalesReadOptions {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(onDuplicate, "onDuplicate");
    Objects.requireNonNull(onInvalid, "onInvalid");
  }

  /** A copy with other columns. */
  public SalesReadOptions withColumns(SalesColumns c) {
    return new SalesReadOptions(c, onDuplicate, onInvalid, delimiter);
  }

  /** Repeated (store, item, date) rows: summed and counted, or an error. */
  public enum OnDuplicate {
    SUM,
    FAIL
  }

  /** Invalid rows: rejected and counted in the report, or an error at the first one. */
  public enum OnInvalid {
    REJECT,
    FAIL
  }
}
