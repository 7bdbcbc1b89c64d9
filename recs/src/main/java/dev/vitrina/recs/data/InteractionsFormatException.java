package dev.vitrina.recs.data;

/**
 * An interactions file that cannot be read as asked (missing file or column, malformed value, no
 * rows left); the message names file, line and column. It is bad input, so it is an {@link
 * IllegalArgumentException}: the command line reports it with the usage exit code (2), like a bad
 * option value. I/O failures while reading stay {@link java.io.IOException}s.
 */
public final class InteractionsFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message that states the rule, the bad value and a fix. */
  public InteractionsFormatException(String message) {
    super(message);
  }
}
