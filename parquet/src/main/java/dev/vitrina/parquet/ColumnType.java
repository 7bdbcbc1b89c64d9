package dev.vitrina.parquet;

/**
 * The logical column types vitrina reads and writes, with their Parquet mapping and in-memory form.
 */
public enum ColumnType {
  /** Parquet INT32; {@link IntColumn}. */
  INT32,
  /** Parquet INT64; {@link LongColumn}. */
  INT64,
  /** Parquet FLOAT; {@link FloatColumn}, null is {@code NaN}. */
  FLOAT,
  /** Parquet DOUBLE; {@link DoubleColumn}, null is {@code NaN}. */
  DOUBLE,
  /** Parquet BOOLEAN; {@link BooleanColumn}. */
  BOOLEAN,
  /** Parquet BYTE_ARRAY with logical type STRING (UTF-8); {@link StringColumn}. */
  STRING,
  /** Parquet INT32 with logical type DATE: days since 1970-01-01; {@link IntColumn}. */
  DATE,
  /**
   * Parquet INT64 with logical type TIMESTAMP(MILLIS, UTC): milliseconds since the epoch; {@link
   * LongColumn}.
   */
  TIMESTAMP_MILLIS;

  /** The {@link ColumnData} record that holds values of this type. */
  public Class<? extends ColumnData> dataClass() {
    return switch (this) {
      case INT32, DATE -> IntColumn.class;
      case INT64, TIMESTAMP_MILLIS -> LongColumn.class;
      case FLOAT -> FloatColumn.class;
      case DOUBLE -> DoubleColumn.class;
      case BOOLEAN -> BooleanColumn.class;
      case STRING -> StringColumn.class;
    };
  }
}
