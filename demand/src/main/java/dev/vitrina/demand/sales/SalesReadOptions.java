package dev.vitrina.demand.sales;

import java.util.Objects;

/**
 * How to read a sales file.
 *
 * @param columns the column names
 * @param onDuplicate what to do with repeated (store, item, date) rows
 * @param onInvalid what to do with rows that fail validation
 * @param delimiter the CSV delimiter (ignored for Parquet)
 * @param allowEmpty accept an input without usable rows (empty, header only, every row rejected);
 *     when false (the default) such an input is an error naming the main rejection reasons
 */
public record SalesReadOptions(
    SalesColumns columns,
    OnDuplicate onDuplicate,
    OnInvalid onInvalid,
    char delimiter,
    boolean allowEmpty) {

  /** Default: generator column names, duplicates summed, invalid rows rejected and reported. */
  public static final SalesReadOptions DEFAULT =
      new SalesReadOptions(SalesColumns.DEFAULT, OnDuplicate.SUM, OnInvalid.REJECT, ',');

  public SalesReadOptions {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(onDuplicate, "onDuplicate");
    Objects.requireNonNull(onInvalid, "onInvalid");
  }

  /** A copy with other columns. */
  /** Options that refuse an input without usable rows ({@code allowEmpty} false). */
  public SalesReadOptions(
      SalesColumns columns, OnDuplicate onDuplicate, OnInvalid onInvalid, char delimiter) {
    this(columns, onDuplicate, onInvalid, delimiter, false);
  }

  public SalesReadOptions withColumns(SalesColumns c) {
    return new SalesReadOptions(c, onDuplicate, onInvalid, delimiter, allowEmpty);
  }

  /** These options, accepting (or not) an input whose every row is rejected or that has none. */
  public SalesReadOptions withAllowEmpty(boolean allow) {
    return new SalesReadOptions(columns, onDuplicate, onInvalid, delimiter, allow);
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
