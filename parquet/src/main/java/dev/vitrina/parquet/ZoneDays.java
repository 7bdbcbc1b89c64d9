package dev.vitrina.parquet;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/**
 * Epoch milliseconds to calendar days in one time zone, without allocating per value: the zone's
 * offsets over a value range are laid out once as intervals, then each value finds its interval
 * (the previous one first, so sorted input costs one comparison).
 */
final class ZoneDays {

  static final long DAY_MS = 86_400_000L;

  /** Transitions laid out at most; values after them ask the zone rules directly. */
  private static final int MAX_TRANSITIONS = 1 << 16;

  private final ZoneRules rules;

  /** Interval {@code i} starts at {@code starts[i]}; {@code starts[0]} is Long.MIN_VALUE. */
  private final long[] starts;

  private final long[] offsets;

  /** First millisecond not covered by the intervals. */
  private final long coveredEnd;

  private ZoneDays(ZoneRules rules, long[] starts, long[] offsets, long coveredEnd) {
    this.rules = rules;
    this.starts = starts;
    this.offsets = offsets;
    this.coveredEnd = coveredEnd;
  }

  /** The layout for values in {@code [min, max]}. */
  static ZoneDays of(ZoneId zone, long min, long max) {
    ZoneRules rules = zone.getRules();
    long first = rules.getOffset(Instant.ofEpochMilli(min)).getTotalSeconds() * 1000L;
    if (rules.isFixedOffset()) {
      return new ZoneDays(rules, new long[] {Long.MIN_VALUE}, new long[] {first}, Long.MAX_VALUE);
    }
    long[] starts = new long[16];
    long[] offsets = new long[16];
    starts[0] = Long.MIN_VALUE;
    offsets[0] = first;
    int n = 1;
    long coveredEnd = Long.MAX_VALUE;
    ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochMilli(min));
    while (t != null && t.toEpochSecond() * 1000L <= max) {
      if (n > MAX_TRANSITIONS) {
        coveredEnd = t.toEpochSecond() * 1000L;
        break;
      }
      if (n == starts.length) {
        starts = Arrays.copyOf(starts, n * 2);
        offsets = Arrays.copyOf(offsets, n * 2);
      }
      starts[n] = t.toEpochSecond() * 1000L;
      offsets[n] = t.getOffsetAfter().getTotalSeconds() * 1000L;
      n++;
      t = rules.nextTransition(t.getInstant());
    }
    return new ZoneDays(rules, Arrays.copyOf(starts, n), Arrays.copyOf(offsets, n), coveredEnd);
  }

  /**
   * Writes the local calendar day of {@code millis[from..to)} to {@code days} at the same index.
   * Values must lie in the range given to {@link #of} and within {@code ±2^30} days of the epoch.
   */
  void days(long[] millis, int from, int to, int[] days) {
    long[] s = starts;
    long[] o = offsets;
    int last = s.length - 1;
    if (last == 0 && coveredEnd == Long.MAX_VALUE) {
      long off = o[0];
      for (int i = from; i < to; i++) {
        days[i] = (int) Math.floorDiv(millis[i] + off, DAY_MS);
      }
      return;
    }
    int k = 0;
    for (int i = from; i < to; i++) {
      long v = millis[i];
      if (v < s[k] || (k < last && v >= s[k + 1])) {
        k = Arrays.binarySearch(s, v);
        if (k < 0) {
          k = -k - 2;
        }
      }
      long off =
          v < coveredEnd
              ? o[k]
              : rules.getOffset(Instant.ofEpochMilli(v)).getTotalSeconds() * 1000L;
      days[i] = (int) Math.floorDiv(v + off, DAY_MS);
    }
  }
}
