package dev.vitrina.parquet;

import static dev.vitrina.parquet.ParquetFixturesTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dates of timestamp columns: the calendar date in the column's own zone (files written by pandas
 * and pyarrow, see {@code parquet/make_timestamp_fixtures.py}), UTC without a zone, the wall clock
 * for local timestamps, and INT96.
 */
class ParquetTimestampTest {

  @TempDir Path dir;

  private static final String[] UNITS = {"ms", "us", "ns"};

  /** The wall-clock dates of the fixture rows (make_timestamp_fixtures.py LOCAL); null = null. */
  private static final LocalDate[] LOCAL_DATES = {
    LocalDate.of(2024, 3, 1),
    LocalDate.of(2024, 3, 1),
    null,
    LocalDate.of(2024, 3, 10),
    LocalDate.of(2024, 3, 10),
    LocalDate.of(2024, 11, 3),
    LocalDate.of(2024, 11, 3),
    LocalDate.of(1969, 12, 31)
  };

  /** The same instants' UTC dates, Tokyo (+09:00) columns. */
  private static final LocalDate[] TOKYO_UTC_DATES = {
    LocalDate.of(2024, 2, 29), // 2024-03-01T00:00+09:00 = 2024-02-29T15:00Z
    LocalDate.of(2024, 3, 1), // 23:59:59.999+09:00 = 14:59:59.999Z
    null,
    LocalDate.of(2024, 3, 9),
    LocalDate.of(2024, 3, 10), // 12:00+09:00 = 03:00Z
    LocalDate.of(2024, 11, 2),
    LocalDate.of(2024, 11, 3), // 23:30+09:00 = 14:30Z
    LocalDate.of(1969, 12, 31) // 12:00+09:00 = 03:00Z
  };

  /** The same instants' UTC dates, New York (-05:00 / -04:00 in summer) columns. */
  private static final LocalDate[] NEW_YORK_UTC_DATES = {
    LocalDate.of(2024, 3, 1), // 00:00-05:00 = 05:00Z
    LocalDate.of(2024, 3, 2), // 23:59:59.999-05:00 = 04:59:59.999Z the next day
    null,
    LocalDate.of(2024, 3, 10), // 00:00-05:00, DST starts at 02:00
    LocalDate.of(2024, 3, 10), // 12:00-04:00 = 16:00Z
    LocalDate.of(2024, 11, 3), // 00:00-04:00, DST ends at 02:00
    LocalDate.of(2024, 11, 4), // 23:30-05:00 = 04:30Z the next day
    LocalDate.of(1969, 12, 31) // 12:00-05:00 = 17:00Z
  };

  private static void assertDays(IntColumn days, LocalDate[] want, String what) {
    assertThat(days.size()).as(what).isEqualTo(want.length);
    for (int i = 0; i < want.length; i++) {
      if (want[i] == null) {
        assertThat(days.isNull(i)).as("%s row %d is null", what, i).isTrue();
      } else {
        assertThat(days.isNull(i)).as("%s row %d is null", what, i).isFalse();
        assertThat(LocalDate.ofEpochDay(days.get(i))).as("%s row %d", what, i).isEqualTo(want[i]);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"pandas_tz.parquet", "pandas_only_tz.parquet", "arrow_tz.parquet"})
  void zonedTimestampsGiveTheirOwnCalendarDate(String file) throws IOException {
    try (ParquetReader r = ParquetReader.open(fixture(file))) {
      for (String unit : UNITS) {
        assertThat(r.dateZone("tokyo_" + unit)).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(r.dateZone("ny_" + unit)).isEqualTo(ZoneId.of("America/New_York"));
        assertDays(r.readDays("tokyo_" + unit), LOCAL_DATES, file + " tokyo_" + unit);
        assertDays(r.readDays("ny_" + unit), LOCAL_DATES, file + " ny_" + unit);
      }
      assertThat(r.dateZone("naive_us")).isEqualTo(ZoneOffset.UTC);
      assertDays(r.readDays("naive_us"), LOCAL_DATES, file + " naive_us");
      assertDays(r.readDays("tokyo_us", 0), LOCAL_DATES, file + " row group 0");
    }
  }

  @Test
  void readColumnKeepsTheInstants() throws IOException {
    try (ParquetReader r = ParquetReader.open(fixture("pandas_tz.parquet"))) {
      long midnightTokyo = Instant.parse("2024-02-29T15:00:00Z").toEpochMilli();
      long lateNewYork = Instant.parse("2024-03-02T04:59:59.999Z").toEpochMilli();
      for (String unit : UNITS) {
        assertThat(((LongColumn) r.readColumn("tokyo_" + unit)).get(0)).isEqualTo(midnightTokyo);
        assertThat(((LongColumn) r.readColumn("ny_" + unit)).get(1)).isEqualTo(lateNewYork);
      }
      long naive = Instant.parse("2024-03-01T23:59:59.999Z").toEpochMilli();
      assertThat(((LongColumn) r.readColumn("naive_us")).get(1)).isEqualTo(naive);
    }
  }

  @Test
  void utcAdjustedTimestampsWithoutAZoneUseUtc() throws IOException {
    try (ParquetReader r = ParquetReader.open(fixture("no_zone.parquet"))) {
      for (String unit : UNITS) {
        assertThat(r.dateZone("tokyo_" + unit)).isEqualTo(ZoneOffset.UTC);
        assertDays(r.readDays("tokyo_" + unit), TOKYO_UTC_DATES, "tokyo_" + unit);
        assertDays(r.readDays("ny_" + unit), NEW_YORK_UTC_DATES, "ny_" + unit);
      }
      assertDays(r.readDays("naive_us"), LOCAL_DATES, "naive_us");
    }
  }

  @Test
  void int96TimestampsAreUtcInstants() throws IOException {
    try (ParquetReader r = ParquetReader.open(fixture("int96.parquet"))) {
      for (String col : new String[] {"ts_dict", "ts_plain"}) {
        assertThat(r.schema()).contains(ColumnSpec.optional(col, ColumnType.TIMESTAMP_MILLIS));
        LongColumn ms = (LongColumn) r.readColumn(col);
        assertThat(ms.get(0)).isEqualTo(Instant.parse("2024-03-01T00:00:00Z").toEpochMilli());
        assertThat(ms.get(1)).isEqualTo(Instant.parse("2024-03-01T23:59:59.999Z").toEpochMilli());
        assertThat(ms.isNull(2)).isTrue();
        assertThat(ms.get(7)).isEqualTo(Instant.parse("1969-12-31T12:00:00Z").toEpochMilli());
        assertThat(r.dateZone(col)).isEqualTo(ZoneOffset.UTC);
        assertDays(r.readDays(col), LOCAL_DATES, col);
      }
    }
  }

  @Test
  void int96DecodesNanosOfDayAndJulianDay() {
    byte[] b = new byte[24];
    // 1970-01-01 (Julian day 2440588) + 1.5 ms; 2000-01-01 (2451545) + 0 ns
    ByteSink.LONG_LE.set(b, 0, 1_500_000L);
    ByteSink.INT_LE.set(b, 8, 2_440_588);
    ByteSink.LONG_LE.set(b, 12, 0L);
    ByteSink.INT_LE.set(b, 20, 2_451_545);
    long[] out = new long[2];
    ChunkDecoder.int96Millis(b, 0, 24, 2, out, 0);
    assertThat(out).containsExactly(1L, 946_684_800_000L);
  }

  @Test
  void datesAndOtherTypes() throws IOException {
    Path f = dir.resolve("d.parquet");
    try (ParquetWriter w =
        ParquetWriter.open(
            f,
            List.of(
                ColumnSpec.required("day", ColumnType.DATE),
                ColumnSpec.required("ts", ColumnType.TIMESTAMP_MILLIS),
                ColumnSpec.required("n", ColumnType.INT64)),
            Codec.UNCOMPRESSED)) {
      w.writeRowGroup(
          IntColumn.of(19_783, -1),
          LongColumn.of(Instant.parse("2024-03-01T23:00:00Z").toEpochMilli(), -1),
          LongColumn.of(1, 2));
    }
    try (ParquetReader r = ParquetReader.open(f)) {
      assertThat(r.readDays("day").toArray()).containsExactly(19_783, -1);
      // vitrina writes UTC instants without a zone: UTC dates; -1 ms is 1969-12-31
      assertThat(r.readDays("ts").toArray())
          .containsExactly((int) LocalDate.of(2024, 3, 1).toEpochDay(), -1);
      assertThatThrownBy(() -> r.readDays("n"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "column 'n' of "
                  + f
                  + " is INT64, not a DATE or TIMESTAMP; write dates as DATE or TIMESTAMP"
                  + " columns");
      assertThatThrownBy(() -> r.dateZone("day"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is INT32 (DATE), not a DATE or TIMESTAMP");
    }
  }

  @Test
  void timestampsFarFromTheEpochNameTheRow() throws IOException {
    Path f = dir.resolve("far.parquet");
    try (ParquetWriter w =
        ParquetWriter.open(
            f, List.of(ColumnSpec.required("ts", ColumnType.TIMESTAMP_MILLIS)), Codec.SNAPPY)) {
      w.writeRowGroup(LongColumn.of(0, 1));
      w.writeRowGroup(LongColumn.of(0, Long.MAX_VALUE));
    }
    try (ParquetReader r = ParquetReader.open(f)) {
      assertThatThrownBy(() -> r.readDays("ts"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("column 'ts' of " + f + ", row 4: timestamp " + Long.MAX_VALUE);
      assertThatThrownBy(() -> r.readDays("ts", 1))
          .hasMessageContaining(", row 4: timestamp " + Long.MAX_VALUE);
      assertThat(r.readDays("ts", 0).toArray()).containsExactly(0, 0);
    }
  }

  @Test
  void pandasMetadataGivesZonesByFieldName() {
    Map<String, String> z =
        TimeZones.pandas(
            "{\"columns\": [{\"name\": \"d\", \"field_name\": \"d\", \"metadata\": {\"timezone\":"
                + " \"+09:00\"}}, {\"name\": \"x\", \"field_name\": \"x\", \"metadata\": null},"
                + " {\"name\": \"shown\", \"field_name\": \"stored\", \"metadata\":"
                + " {\"timezone\": \"UTC\"}}]}");
    assertThat(z).containsExactly(Map.entry("d", "+09:00"), Map.entry("stored", "UTC"));
    assertThat(TimeZones.pandas("{not json")).isEmpty();
    assertThat(TimeZones.arrow("not base64!")).isEmpty();
    assertThat(TimeZones.arrow("AAAA")).isEmpty();
  }
}
