package dev.vitrina.demand.panel;

import dev.vitrina.core.check.ParameterException;
import java.time.LocalDate;
import java.util.Locale;

/** The period of a panel: a day, or an ISO week starting on Monday. */
public enum Freq {
  DAY(1),
  WEEK(7);

  private final int days;

  Freq(int days) {
    this.days = days;
  }

  /** Days per period. */
  public int days() {
    return days;
  }

  /** The first day (epoch day) of the period holding {@code epochDay}. */
  public int periodStart(int epochDay) {
    if (this == DAY) {
      return epochDay;
    }
    // Epoch day 0 (1970-01-01) is a Thursday; Monday-based weekday index is (day + 3) mod 7.
    return epochDay - Math.floorMod(epochDay + 3, 7);
  }

  /** Parses {@code day} or {@code week}. */
  public static Freq parse(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "day", "daily", "d" -> DAY;
      case "week", "weekly", "w" -> WEEK;
      default -> throw new ParameterException("freq", "must be day or week, got '" + s + "'");
    };
  }

  /** The date of a period start, for display. */
  public static LocalDate date(int epochDay) {
    return LocalDate.ofEpochDay(epochDay);
  }
}
