package dev.vitrina.experiments.stats;

/**
 * A closed interval {@code [low, high]}.
 *
 * @param low lower end
 * @param high upper end
 */
public record Interval(double low, double high) {

  /** Whether {@code x} lies in the interval. */
  public boolean contains(double x) {
    return x >= low && x <= high;
  }

  /** {@code center ± halfWidth}. */
  public static Interval around(double center, double halfWidth) {
    return new Interval(center - halfWidth, center + halfWidth);
  }
}
