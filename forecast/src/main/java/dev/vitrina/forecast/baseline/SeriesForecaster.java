package dev.vitrina.forecast.baseline;

import dev.vitrina.core.check.Checks;

/**
 * A forecaster that sees one series at a time: a pure function from the history {@code values[start
 * .. start+length)} to {@code horizon} point forecasts. Implementations are immutable records,
 * thread-safe, and allocate nothing proportional to the number of series.
 *
 * <p>Contract for every implementation: history values are finite and {@code >= 0} (demand
 * quantities); an empty history forecasts 0; the output is finite and {@code >= 0}.
 */
public interface SeriesForecaster {

  /** The names {@link #named} accepts. */
  java.util.List<String> NAMES =
      java.util.List.of("naive", "snaive", "ma", "croston", "sba", "tsb", "adida");

  /**
   * The baseline called {@code name}: {@code naive}, {@code snaive} (period {@code season}), {@code
   * ma} (window {@code window}), {@code croston}, {@code sba}, {@code tsb}, {@code adida}.
   *
   * @throws IllegalArgumentException for any other name, listing the valid ones
   */
  static SeriesForecaster named(String name, int season, int window) {
    return switch (name) {
      case "naive" -> new Naive();
      case "snaive" -> new SeasonalNaive(season);
      case "ma" -> new MovingAverage(window);
      case "croston" -> new Croston();
      case "sba" -> new Sba();
      case "tsb" -> new Tsb();
      case "adida" -> new Adida();
      default ->
          throw new IllegalArgumentException(
              "unknown baseline '" + name + "'; use one of " + NAMES);
    };
  }

  /** A short stable name used in reports, e.g. {@code "croston"}. */
  String name();

  /**
   * Writes {@code horizon} forecasts for the history {@code values[start .. start+length)} into
   * {@code out[outOffset .. outOffset+horizon)}.
   */
  void forecast(float[] values, int start, int length, int horizon, double[] out, int outOffset);

  /**
   * Forecasts every series of a flat store: series {@code s} is {@code values[offsets[s] ..
   * offsets[s+1])}. Returns {@code n * horizon} values, series-major.
   *
   * @throws IllegalArgumentException naming the series index when its history is invalid
   */
  default double[] forecastAll(float[] values, int[] offsets, int horizon) {
    Checks.atLeast("horizon", horizon, 1);
    int n = offsets.length - 1;
    double[] out = new double[n * horizon];
    for (int s = 0; s < n; s++) {
      try {
        forecast(values, offsets[s], offsets[s + 1] - offsets[s], horizon, out, s * horizon);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("series " + s + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** Checks that a history holds demand quantities (finite, non-negative). */
  static void checkDemand(float[] values, int start, int length) {
    for (int i = start; i < start + length; i++) {
      float v = values[i];
      if (!(v >= 0f) || Float.isInfinite(v)) {
        throw new IllegalArgumentException(
            "history value at position "
                + (i - start)
                + " is "
                + v
                + "; demand must be finite and >= 0 (fill unknown periods with 0 or cut the"
                + " history before them)");
      }
    }
  }
}
