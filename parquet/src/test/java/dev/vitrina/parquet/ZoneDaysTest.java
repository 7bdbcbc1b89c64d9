package dev.vitrina.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZoneDaysTest {

  private static long ms(String localDateTime, String zone) {
    return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant().toEpochMilli();
  }

  @Test
  void handPickedInstantsAroundTransitions() {
    ZoneId ny = ZoneId.of("America/New_York");
    long[] v = {
      ms("2024-03-10T01:59:59.999", "America/New_York"), // last EST millisecond
      ms("2024-03-10T03:00:00", "America/New_York"), // first EDT one
      ms("2024-11-03T23:59:59.999", "America/New_York"),
      ms("2024-11-04T00:00:00", "America/New_York"),
      ms("2024-03-01T00:00:00", "America/New_York") // out of order: back to an earlier interval
    };
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long x : v) {
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    int[] days = new int[v.length];
    ZoneDays.of(ny, min, max).days(v, 0, v.length, days);
    assertThat(days)
        .containsExactly(
            19_792, // 2024-03-10
            19_792, 20_030, // 2024-11-03
            20_031, 19_783); // 2024-03-01
  }

  @Test
  void agreesWithJavaTimeOnShuffledValues() {
    SplittableRandom rnd = new SplittableRandom(7);
    String[] zones = {"Asia/Tokyo", "America/New_York", "Europe/London", "Australia/Lord_Howe"};
    long lo = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
    long hi = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();
    for (String z : zones) {
      ZoneId zone = ZoneId.of(z);
      long[] v = new long[20_000];
      for (int i = 0; i < v.length; i++) {
        v[i] = rnd.nextLong(lo, hi);
      }
      int[] days = new int[v.length];
      ZoneDays.of(zone, lo, hi).days(v, 0, v.length, days);
      for (int i = 0; i < v.length; i++) {
        long want = Instant.ofEpochMilli(v[i]).atZone(zone).toLocalDate().toEpochDay();
        assertThat(days[i]).as("%s %d", z, v[i]).isEqualTo((int) want);
      }
    }
  }

  @Test
  void fixedOffsets() {
    long[] v = {-1, 0, 15 * 3_600_000L - 1, 15 * 3_600_000L};
    int[] days = new int[4];
    ZoneDays.of(ZoneOffset.ofHours(9), -1, v[3]).days(v, 0, 4, days);
    assertThat(days).containsExactly(0, 0, 0, 1);
    ZoneDays.of(ZoneOffset.UTC, -1, v[3]).days(v, 0, 4, days);
    assertThat(days).containsExactly(-1, 0, 0, 0);
  }
}
