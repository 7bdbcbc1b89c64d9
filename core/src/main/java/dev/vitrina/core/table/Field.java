package dev.vitrina.core.table;

import java.util.Objects;

/**
 * One field a reader asks for: the library's name for it, the file column that holds it (the column
 * mapping), its kind, and whether a row without it is rejected.
 *
 * @param parameter the library's parameter that maps this field to a column (e.g. {@code
 *     storeColumn}); a missing column is reported against it, so a front end can name its own flag
 * @param label how messages and rejection reasons name a value of this field (e.g. {@code "store
 *     id"}, {@code "quantity"})
 * @param column the column name in the file, or its 1-based position for a file without a header
 * @param kind the type the values are read as
 * @param required a row whose value is missing or does not parse is rejected; a required field's
 *     column must exist, an optional one may be absent (all values missing)
 * @param unit how TIMESTAMP text and integers are written (ignored for other kinds)
 */
public record Field(
    String parameter,
    String label,
    String column,
    FieldKind kind,
    boolean required,
    TimestampUnit unit) {

  public Field {
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(kind, "kind");
    if (column.isBlank()) {
      throw new IllegalArgumentException(parameter + " must name a column, got a blank name");
    }
    unit = unit == null ? TimestampUnit.ISO : unit;
  }

  /** A required field. */
  public static Field required(String parameter, String label, String column, FieldKind kind) {
    return new Field(parameter, label, column, kind, true, null);
  }

  /** An optional field: its column may be absent and its values missing. */
  public static Field optional(String parameter, String label, String column, FieldKind kind) {
    return new Field(parameter, label, column, kind, false, null);
  }

  /** This field with timestamps written in {@code u}. */
  public Field withUnit(TimestampUnit u) {
    return new Field(parameter, label, column, kind, required, u);
  }
}
