package dev.vitrina.core.table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** How a timestamp column is written. */
public enum TimestampUnit {
  /** Unix epoch seconds (MovieLens). */
  SECONDS,
  /** Unix epoch milliseconds (Parquet TIMESTAMP_MILLIS). */
  MILLIS,
  /**
   * ISO-8601: an instant ({@code 2024-03-01T10:15:30Z}), an offset date-time, a local date-time
   * (taken as UTC) or a date (midnight UTC).
   */
  ISO;

  /**
   * Parses a timestamp to epoch milliseconds.
   *
   * @throws IllegalArgumentException with the rule when the text does not parse
   */
  public long parse(String text) {
    String t = text.trim();
    try {
      return switch (this) {
        case SECONDS -> Math.multiplyExact(Long.parseLong(t), 1000L);
        case MILLIS -> Long.parseLong(t);
        case ISO -> parseIso(t);
      };
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' " + explain(text));
    }
  }

  /** Why {@code text} is not a timestamp in this unit: "is not a timestamp in ... (e.g. ...)". */
  public String explain(String text) {
    return "is not a timestamp in "
        + name().toLowerCase(java.util.Locale.ROOT)
        + (this == ISO ? " (e.g. 2024-03-01T10:15:30Z or 2024-03-01)" : " since 1970 (an integer)");
  }

  /** Epoch milliseconds of an integer written in this unit; ISO takes it as milliseconds. */
  public long fromInteger(long v) {
    return this == SECONDS ? Math.multiplyExact(v, 1000L) : v;
  }

  private static long parseIso(String t) {
    if (t.length() == 10) {
      return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
    if (t.endsWith("Z")) {
      return Instant.parse(t).toEpochMilli();
    }
    try {
      return OffsetDateTime.parse(t).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
  }
}
