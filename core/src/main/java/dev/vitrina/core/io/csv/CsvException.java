package dev.vitrina.core.io.csv;

/**
 * Malformed CSV content or a bad field access: names the source, the 1-based physical line and,
 * where it applies, the column, and says how to fix it. It is invalid input (an {@link
 * IllegalArgumentException}), so the command line exits with 2.
 */
public final class CsvException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final long lineNumber;

  CsvException(String source, long lineNumber, String message) {
    super(source + " line " + lineNumber + ": " + message);
    this.source = source;
    this.lineNumber = lineNumber;
  }

  CsvException(String source, long lineNumber, String message, Throwable cause) {
    super(source + " line " + lineNumber + ": " + message, cause);
    this.source = source;
    this.lineNumber = lineNumber;
  }

  /** The file (or stream name) being read. */
  public String source() {
    return source;
  }

  /** The 1-based physical line where the offending record starts. */
  public long lineNumber() {
    return lineNumber;
  }
}
