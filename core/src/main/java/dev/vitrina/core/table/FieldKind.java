package dev.vitrina.core.table;

/**
 * The type a field is read as, whatever the file stores. Every kind has a missing marker (an empty
 * CSV field, a Parquet null) and keeps the original text of a value that does not parse, so the
 * row-problem report can show it.
 */
public enum FieldKind {
  /** An id: text or integer, trimmed, dictionary-coded ({@link Table.Ids}); empty is missing. */
  ID,
  /** Free text as written ({@link Table.Texts}); empty is missing. */
  TEXT,
  /**
   * A calendar day ({@link Table.Days}): {@code yyyy-MM-dd} text, a Parquet DATE, or a Parquet
   * TIMESTAMP read in its own zone; a plain Parquet INT64 is taken as epoch milliseconds.
   */
  DAY,
  /** A 32-bit integer ({@link Table.Ints}). */
  INT,
  /** A single-precision number ({@link Table.Floats}); missing is NaN. */
  FLOAT,
  /** A double-precision number ({@link Table.Doubles}); missing is NaN. */
  DOUBLE,
  /**
   * A yes/no flag as 1 or 0 ({@link Table.Floats}): 1/0, true/false, t/f, yes/no, y/n (any case);
   * missing is NaN.
   */
  FLAG,
  /**
   * An instant as epoch milliseconds ({@link Table.Timestamps}): text or integers in the field's
   * {@link TimestampUnit}, a Parquet TIMESTAMP (floored to milliseconds) or DATE (midnight UTC).
   */
  TIMESTAMP;

  /**
   * A {@link #FLAG} value as 1 or 0: 1/0, true/false, t/f, yes/no, y/n, 1.0/0.0 (any case,
   * trimmed); NaN when the text is not a flag.
   */
  public static float flag(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "1", "true", "t", "yes", "y", "1.0" -> 1f;
      case "0", "false", "f", "no", "n", "0.0" -> 0f;
      default -> Float.NaN;
    };
  }
}
