package dev.vitrina.demand.panel;

import dev.vitrina.core.check.ParameterException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How to complete the calendar.
 *
 * @param level the aggregation level
 * @param freq day or week
 * @param start when non-null, every series starts here (zero-filled before its first sale) and rows
 *     before it are excluded (and counted); when null each series starts at its first sale
 * @param end when non-null, the last day read (a backtest origin): rows after it are excluded and
 *     counted; when null, the last date in the data
 * @param extendPeriods future periods appended to every series with unknown quantity (NaN), so
 *     features can be computed for forecast dates
 */
public record PanelOptions(
    Level level, Freq freq, LocalDate start, LocalDate end, int extendPeriods) {

  public PanelOptions {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(freq, "freq");
    if (extendPeriods < 0) {
      throw new ParameterException("extendPeriods", "must be >= 0, got " + extendPeriods);
    }
    if (start != null && end != null && end.isBefore(start)) {
      throw new ParameterException(
          "end", end + " is before PanelOptions.start " + start + "; give an end after the start");
    }
  }

  /** Daily store x item, each series from its first sale to the last date in the data. */
  public static PanelOptions of(Level level, Freq freq) {
    return new PanelOptions(level, freq, null, null, 0);
  }

  public PanelOptions withEnd(LocalDate e) {
    return new PanelOptions(level, freq, start, e, extendPeriods);
  }

  public PanelOptions withStart(LocalDate s) {
    return new PanelOptions(level, freq, s, end, extendPeriods);
  }

  public PanelOptions withExtend(int periods) {
    return new PanelOptions(level, freq, start, end, periods);
  }
}
