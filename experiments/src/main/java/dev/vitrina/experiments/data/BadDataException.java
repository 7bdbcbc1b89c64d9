package dev.vitrina.experiments.data;

/**
 * Invalid experiment data beyond single rows: a unit in two variants, a file that is not valid CSV
 * or Parquet, a column that cannot be read. The message names the file and, where known, the line
 * or row, column and value. Rows that break a rule (an empty unit, a value that is not a number, a
 * duplicate unit in a per-unit table) are collected over the whole file and reported together as a
 * {@link dev.vitrina.core.table.BadRowsException}. Both are bad user input, like a bad option:
 * {@link IllegalArgumentException}s, which the command line maps to exit code 2 (a failure while
 * running, such as an I/O error, gives 1).
 */
public final class BadDataException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message that names the file, position, column and value. */
  public BadDataException(String message) {
    super(message);
  }

  /** The same, keeping the exception that revealed the problem. */
  public BadDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
