package dev.vitrina.recs.model;

/** A user or item id the model cannot serve under the chosen policy; the message says the fix. */
public final class UnknownIdException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the id and the fix. */
  public UnknownIdException(String message) {
    super(message);
  }
}
