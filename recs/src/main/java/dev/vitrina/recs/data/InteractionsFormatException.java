package dev.vitrina.recs.data;

import java.io.IOException;

/** An interactions file that cannot be read as asked; the message names file, line and column. */
public final class InteractionsFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message that states the rule, the bad value and a fix. */
  public InteractionsFormatException(String message) {
    super(message);
  }
}
