package dev.vitrina.experiments.data;

/**
 * Malformed input data: a row that cannot be parsed, a unit in two variants, a duplicate row in a
 * per-unit table, a file that is not the table it claims to be. The message names the file, the
 * line or row, the column and the value. Bad data is bad user input, like a bad option: it is an
 * {@link IllegalArgumentException}, which the command line maps to exit code 2 (a failure while
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
