package dev.vitrina.parquet;

import java.util.Objects;

/**
 * One column of a flat Parquet schema.
 *
 * @param name column name, not blank
 * @param type logical type
 * @param nullable whether the column may hold nulls (Parquet OPTIONAL) or not (REQUIRED)
 */
public record ColumnSpec(String name, ColumnType type, boolean nullable) {

  /** Validates the name and type. */
  public ColumnSpec {
    Objects.requireNonNull(name, "column name");
    Objects.requireNonNull(type, "column type");
    if (name.isBlank()) {
      throw new IllegalArgumentException(
          "column name must not be blank, got '" + name + "'; give every column a name");
    }
  }

  /** A REQUIRED (non-nullable) column. */
  public static ColumnSpec required(String name, ColumnType type) {
    return new ColumnSpec(name, type, false);
  }

  /** An OPTIONAL (nullable) column. */
  public static ColumnSpec optional(String name, ColumnType type) {
    return new ColumnSpec(name, type, true);
  }
}
