package dev.vitrina.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files written by pyarrow 25 and polars 1.44 (see {@code parquet/make_fixtures.py}): dictionary
 * fallback, data page v2, DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY,
 * BYTE_STREAM_SPLIT, RLE booleans, LZ4_RAW and GZIP, unsigned ints, nano/micro timestamps and
 * decimals.
 */
class ParquetFixturesTest {

  static final int N = 1200;

  static Path fixture(String name) {
    try {
      return Path.of(ParquetFixturesTest.class.getResource("/parquet/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Column name to expected type, in file order. */
  static Map<String, ColumnType> expectedTypes() {
    Map<String, ColumnType> m = new LinkedHashMap<>();
    m.put("i8", ColumnType.INT32);
    m.put("i16", ColumnType.INT32);
    m.put("i32", ColumnType.INT32);
    m.put("i64", ColumnType.INT64);
    m.put("u8", ColumnType.INT32);
    m.put("u16", ColumnType.INT32);
    m.put("u32", ColumnType.INT64);
    m.put("u64", ColumnType.INT64);
    m.put("f32", ColumnType.FLOAT);
    m.put("f64", ColumnType.DOUBLE);
    m.put("b", ColumnType.BOOLEAN);
    m.put("s", ColumnType.STRING);
    m.put("uniq", ColumnType.STRING);
    m.put("cat", ColumnType.STRING);
    m.put("day", ColumnType.DATE);
    m.put("ts_ms", ColumnType.TIMESTAMP_MILLIS);
    m.put("ts_us", ColumnType.TIMESTAMP_MILLIS);
    m.put("ts_ns", ColumnType.TIMESTAMP_MILLIS);
    m.put("dec", ColumnType.DOUBLE);
    return m;
  }

  /** The value of row {@code k} of a fixture column; null for null. */
  static Object expected(String column, int k) {
    return switch (column) {
      case "i8" -> (k % 200) - 100;
      case "i16" -> (k * 7) % 30000 - 15000;
      case "i32" -> k % 7 == 3 ? null : k * 3 - 1000;
      case "i64" -> k % 11 == 0 ? null : k * 1_000_000_007L - 5;
      case "u8" -> k % 256;
      case "u16" -> (k * 3) % 65536;
      case "u32" -> 4_000_000_000L - k;
      case "u64" -> k * 5L;
      case "f32" -> k % 13 == 0 ? null : k * 0.5f;
      case "f64" -> k / 3.0;
      case "b" -> k % 17 == 0 ? null : k % 3 == 0;
      case "s" -> k % 5 == 0 ? null : "s" + (k % 37);
      case "uniq" -> String.format("row-%05d-ü", k);
      case "cat" -> new String[] {"red", "green", "blue"}[k % 3];
      case "day" -> 18000 + k;
      case "ts_ms" -> 1_600_000_000_000L + k * 1001L;
      case "ts_us" ->
          k % 9 == 0 ? null : Math.floorDiv(1_600_000_000_000_000L + k * 1_000_001L, 1000L);
      case "ts_ns" -> Math.floorDiv(-5_000_000_000L + k * 123_456_789L, 1_000_000L);
      case "dec" -> (k * 101 - 5000) / 100.0;
      default -> throw new IllegalArgumentException(column);
    };
  }

  static Object actual(ColumnData c, int k) {
    if (c.isNull(k)) {
      return null;
    }
    return switch (c) {
      case IntColumn x -> x.get(k);
      case LongColumn x -> x.get(k);
      case FloatColumn x -> x.get(k);
      case DoubleColumn x -> x.get(k);
      case BooleanColumn x -> x.get(k);
      case StringColumn x -> x.get(k);
    };
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pyarrow_v1_snappy.parquet",
        "pyarrow_v2_zstd.parquet",
        "pyarrow_gzip.parquet",
        "pyarrow_lz4raw.parquet",
        "pyarrow_delta_v1.parquet",
        "pyarrow_delta_v2.parquet",
        "polars_default.parquet"
      })
  void readsEveryColumnOfForeignFiles(String file) throws IOException {
    try (ParquetReader r = ParquetReader.open(fixture(file))) {
      assertThat(r.numRows()).isEqualTo(N);
      assertThat(r.numRowGroups()).isEqualTo(3);
      Map<String, ColumnType> types = expectedTypes();
      if (file.startsWith("polars")) {
        types.remove("cat");
      }
      assertThat(r.schema()).extracting(ColumnSpec::name).containsExactlyElementsOf(types.keySet());
      for (ColumnSpec spec : r.schema()) {
        assertThat(spec.type())
            .as("%s type of %s", file, spec.name())
            .isEqualTo(types.get(spec.name()));
        ColumnData all = r.readColumn(spec.name());
        assertThat(all.size()).isEqualTo(N);
        for (int k = 0; k < N; k++) {
          Object want = expected(spec.name(), k);
          Object got = actual(all, k);
          if (want instanceof Double d && got instanceof Double g) {
            assertThat(g).as("%s %s row %d", file, spec.name(), k).isCloseTo(d, within(1e-9));
          } else {
            assertThat(got).as("%s %s row %d", file, spec.name(), k).isEqualTo(want);
          }
        }
        ColumnData last = r.readColumn(spec.name(), 2);
        assertThat(last.size()).isEqualTo(200);
        assertThat(actual(last, 199)).isEqualTo(actual(all, N - 1));
      }
    }
  }

  @Test
  void int96TimestampsReadAsMilliseconds() throws IOException {
    try (ParquetReader r = ParquetReader.open(fixture("pyarrow_int96.parquet"))) {
      assertThat(r.schema())
          .containsExactly(
              ColumnSpec.optional("id", ColumnType.INT32),
              ColumnSpec.optional("ts", ColumnType.TIMESTAMP_MILLIS));
      assertThat(((IntColumn) r.readColumn("id")).toArray())
          .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
      // 0..9 microseconds after the epoch, floored to milliseconds
      assertThat(((LongColumn) r.readColumn("ts")).toArray()).containsOnly(0L).hasSize(10);
    }
  }

  @Test
  void nestedColumnsFailByNameWhileFlatOnesRead() throws IOException {
    try (ParquetReader r = ParquetReader.open(fixture("pyarrow_nested.parquet"))) {
      assertThat(r.schema()).extracting(ColumnSpec::name).containsExactly("id", "after");
      assertThat(((LongColumn) r.readColumn("id")).get(9)).isEqualTo(9);
      assertThat(((StringColumn) r.readColumn("after")).get(9)).isEqualTo("a9");
      assertThatThrownBy(() -> r.readColumn("point"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("cannot read column 'point'")
          .hasMessageContaining("nested group");
      assertThatThrownBy(() -> r.readColumn("tags"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("cannot read column 'tags'");
      assertThatThrownBy(() -> r.readColumn("nope"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("available columns: [id, after] (not readable: [point, tags])");
    }
  }
}
