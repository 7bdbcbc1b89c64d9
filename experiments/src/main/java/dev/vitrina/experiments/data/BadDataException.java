package dev.vitrina.experiments.data;

import java.io.IOException;

/**
 * Malformed input data: a row that cannot be parsed, a unit in two variants, a duplicate row in a
 * per-unit table. The message names the file, the line or row, the column and the value. The
 * command line maps it to exit code 1 (a data failure), unlike option errors (exit code 2).
 */
public final class BadDataException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message that names the file, position, column and value. */
  public BadDataException(String message) {
    super(message);
  }
}
