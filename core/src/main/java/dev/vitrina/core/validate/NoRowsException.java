package dev.vitrina.core.validate;

/**
 * An input or a result that lost every row (all rejected, all filtered out, or none at all). It is
 * invalid input, not an empty success: the message names the file and the main reasons. Callers
 * that want an empty result on purpose ask for it explicitly (e.g. an {@code allowEmpty} option).
 */
public final class NoRowsException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** An exception with a complete message (what lost every row, why, and how to fix it). */
  public NoRowsException(String message) {
    super(message);
  }
}
