package dev.vitrina.forecast.disagg;

/**
 * How historical shares are computed from a trailing window (Gross &amp; Sohl 1990, "Disaggregation
 * methods to expedite product line forecasting", Journal of Forecasting 9(3), methods A and F).
 */
public enum ShareMethod {
  /**
   * {@code share_c = sum_t y_c,t / sum_t Y_t}: the child's part of the window's total (default).
   */
  PROPORTION_OF_AVERAGES,
  /** {@code share_c = mean_t (y_c,t / Y_t)} over the periods in which the parent sold anything. */
  AVERAGE_OF_PROPORTIONS
}
