package dev.vitrina.core.check;

/**
 * Argument checks. Every message names the parameter, the rule and the bad value, e.g. {@code "k
 * must be >= 1, got 0"}; callers add how to fix it where the check alone cannot know.
 */
public final class Checks {

  private Checks() {}

  /** Requires {@code value >= min}. */
  public static int atLeast(String name, int value, int min) {
    if (value < min) {
      throw new ParameterException(name, "must be >= " + min + ", got " + value);
    }
    return value;
  }

  /** Requires {@code value >= min} (not NaN). */
  public static double atLeast(String name, double value, double min) {
    if (!(value >= min)) {
      throw new ParameterException(name, "must be >= " + min + ", got " + value);
    }
    return value;
  }

  /** Requires {@code lo <= value <= hi} (not NaN). */
  public static double inRange(String name, double value, double lo, double hi) {
    if (!(value >= lo && value <= hi)) {
      throw new ParameterException(name, "must be in [" + lo + ", " + hi + "], got " + value);
    }
    return value;
  }

  /** Requires {@code lo < value < hi} (not NaN). */
  public static double inOpenRange(String name, double value, double lo, double hi) {
    if (!(value > lo && value < hi)) {
      throw new ParameterException(name, "must be in (" + lo + ", " + hi + "), got " + value);
    }
    return value;
  }

  /** Requires a condition; {@code message} must state the rule, the value and a fix. */
  public static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
