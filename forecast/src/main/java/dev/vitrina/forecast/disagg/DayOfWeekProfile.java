package dev.vitrina.forecast.disagg;

import dev.vitrina.core.check.Checks;

/**
 * Weekly to daily: each series' day-of-week profile (its share of a week's sales on each day of the
 * week, from a trailing window of daily history) splits its weekly forecast into 7 days. Rule for
 * series without sales in the window: a flat profile (1/7 per day). Days of a week always sum back
 * to the week's forecast (residual on the largest day, as in {@link Disaggregator}).
 */
public final class DayOfWeekProfile {

  private DayOfWeekProfile() {}

  /**
   * Profiles from daily history.
   *
   * @param daily dense {@code series * days} trailing daily history (NaN = not existing, ignored)
   * @param days the window length in days
   * @param phase the position within the week (0..6, 0 = the weekly period's first day) of the
   *     window's first day
   * @return {@code series * 7} shares, position 0 = the first day of a weekly period
   */
  public static double[] profiles(float[] daily, int days, int phase) {
    Checks.atLeast("days", days, 1);
    Checks.require(phase >= 0 && phase < 7, "phase must be in 0..6, got " + phase);
    Checks.require(daily.length % days == 0, "daily length is not a multiple of days=" + days);
    int n = daily.length / days;
    double[] prof = new double[n * 7];
    for (int s = 0; s < n; s++) {
      double tot = 0;
      for (int d = 0; d < days; d++) {
        float v = daily[s * days + d];
        if (v > 0) {
          prof[s * 7 + (phase + d) % 7] += v;
          tot += v;
        }
      }
      for (int d = 0; d < 7; d++) {
        prof[s * 7 + d] = tot > 0 ? prof[s * 7 + d] / tot : 1.0 / 7;
      }
    }
    return prof;
  }

  /**
   * Splits weekly forecasts into days.
   *
   * @param weekly {@code series * weeks}
   * @param weeks the number of weeks per series
   * @param profiles {@code series * 7} from {@link #profiles}
   * @return {@code series * 7 * weeks} daily forecasts, starting on the first day of the first week
   */
  public static double[] weeklyToDaily(double[] weekly, int weeks, double[] profiles) {
    Checks.atLeast("weeks", weeks, 1);
    int n = profiles.length / 7;
    Checks.require(
        weekly.length == (long) n * weeks,
        "weekly must hold series * weeks = " + (long) n * weeks + ", got " + weekly.length);
    double[] out = new double[n * 7 * weeks];
    int[] sevenDays = new int[7]; // the 7 weekdays of one week are the children of that week
    double[] shares = new double[7];
    double[] week = new double[1];
    for (int s = 0; s < n; s++) {
      System.arraycopy(profiles, s * 7, shares, 0, 7);
      for (int w = 0; w < weeks; w++) {
        week[0] = weekly[s * weeks + w];
        double[] days = Disaggregator.disaggregate(week, 1, sevenDays, shares);
        System.arraycopy(days, 0, out, (s * weeks + w) * 7, 7);
      }
    }
    return out;
  }
}
