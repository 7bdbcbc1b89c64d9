package dev.vitrina.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DuckDB reads our files and we read DuckDB's, with the same values. */
class DuckDbInteropTest {

  @TempDir static Path dir;
  private static Connection db;

  @BeforeAll
  static void connect() throws SQLException {
    db = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = db.createStatement()) {
      st.execute("SET autoinstall_known_extensions=false");
      st.execute("SET autoload_known_extensions=false");
      st.execute("SET threads=2");
    }
  }

  @AfterAll
  static void disconnect() throws SQLException {
    db.close();
  }

  private static String sql(Path p) {
    return "'" + p.toString().replace("'", "''") + "'";
  }

  @ParameterizedTest
  @EnumSource(Codec.class)
  void duckDbReadsOurFilesWithTheSameValues(Codec codec) throws Exception {
    Path file = dir.resolve("ours-" + codec + ".parquet");
    int[] sizes = {3000, 1234};
    ColumnData[][] groups = new ColumnData[2][];
    ParquetWriter.Options opts =
        ParquetWriter.Options.defaults().withPageSizeBytes(1024).withThreads(2);
    try (ParquetWriter w = ParquetWriter.open(file, TestData.schema(true), codec, opts)) {
      for (int g = 0; g < 2; g++) {
        groups[g] = TestData.columns(100 + g, sizes[g], 0, true);
        w.writeRowGroup(groups[g]);
      }
    }
    // expected aggregates from the written data
    long sumI32 = 0;
    long nullI32 = 0;
    double sumF64 = 0;
    long countTrue = 0;
    long nullName = 0;
    long sumLenName = 0;
    long sumDay = 0;
    for (ColumnData[] g : groups) {
      IntColumn i32 = (IntColumn) g[0];
      DoubleColumn f64 = (DoubleColumn) g[3];
      BooleanColumn flag = (BooleanColumn) g[4];
      StringColumn name = (StringColumn) g[5];
      IntColumn day = (IntColumn) g[6];
      for (int i = 0; i < i32.size(); i++) {
        if (i32.isNull(i)) {
          nullI32++;
        } else {
          sumI32 += i32.get(i);
        }
        if (!f64.isNull(i)) {
          sumF64 += f64.get(i);
        }
        if (!flag.isNull(i) && flag.get(i)) {
          countTrue++;
        }
        if (name.isNull(i)) {
          nullName++;
        } else {
          sumLenName += name.get(i).codePointCount(0, name.get(i).length());
        }
        if (!day.isNull(i)) {
          sumDay += day.get(i);
        }
      }
    }
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*), sum(i32), count(*) - count(i32), sum(f64), count_if(flag),"
                    + " count(*) - count(name), sum(length(name)), sum(day - DATE '1970-01-01')"
                    + " FROM read_parquet("
                    + sql(file)
                    + ")")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(4234);
      assertThat(rs.getLong(2)).isEqualTo(sumI32);
      assertThat(rs.getLong(3)).isEqualTo(nullI32);
      assertThat(rs.getDouble(4)).isCloseTo(sumF64, within(1e-3));
      assertThat(rs.getLong(5)).isEqualTo(countTrue);
      assertThat(rs.getLong(6)).isEqualTo(nullName);
      assertThat(rs.getLong(7)).isEqualTo(sumLenName);
      assertThat(rs.getLong(8)).isEqualTo(sumDay);
    }
    // a few exact rows, in file order
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT i64, f32, name, epoch_ms(ts), typeof(ts), typeof(day) FROM read_parquet("
                    + sql(file)
                    + ") LIMIT 50")) {
      LongColumn i64 = (LongColumn) groups[0][1];
      FloatColumn f32 = (FloatColumn) groups[0][2];
      StringColumn name = (StringColumn) groups[0][5];
      LongColumn ts = (LongColumn) groups[0][7];
      for (int i = 0; i < 50; i++) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(1))
            .as("i64 row %d", i)
            .isEqualTo(i64.isNull(i) ? null : i64.get(i));
        Object f = rs.getObject(2);
        assertThat(f).as("f32 row %d", i).isEqualTo(f32.isNull(i) ? null : f32.get(i));
        assertThat(rs.getString(3)).as("name row %d", i).isEqualTo(name.get(i));
        assertThat(rs.getObject(4)).as("ts row %d", i).isEqualTo(ts.isNull(i) ? null : ts.get(i));
        assertThat(rs.getString(5)).isEqualTo("TIMESTAMP WITH TIME ZONE");
        assertThat(rs.getString(6)).isEqualTo("DATE");
      }
    }
    // statistics let DuckDB prune correctly: a filter returns the same rows as a full scan
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FILTER (WHERE i32 > 50), sum(CASE WHEN i32 > 50 THEN 1 END)"
                    + " FROM read_parquet("
                    + sql(file)
                    + ")")) {
      rs.next();
      long expected = rs.getLong(1);
      try (ResultSet rs2 =
          st.executeQuery("SELECT count(*) FROM read_parquet(" + sql(file) + ") WHERE i32 > 50")) {
        rs2.next();
        assertThat(rs2.getLong(1)).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"zstd", "snappy", "gzip", "uncompressed"})
  void weReadDuckDbFilesWithTheSameValues(String compression) throws Exception {
    Path file = dir.resolve("duck-" + compression + ".parquet");
    String select =
        "SELECT i::INTEGER AS id,"
            + " (i * 7919)::BIGINT AS big,"
            + " CASE WHEN i % 5 = 0 THEN NULL ELSE i * 0.5 END AS dbl,"
            + " (i % 3)::FLOAT AS flt,"
            + " i % 2 = 0 AS even,"
            + " CASE WHEN i % 7 = 0 THEN NULL ELSE 'sku-' || (i % 13) END AS sku,"
            + " DATE '2020-01-01' + (i % 400)::INTEGER AS day,"
            + " TIMESTAMP '2021-03-04 05:06:07.123456' + to_microseconds(i * 1000003) AS ts,"
            + " CASE WHEN i % 11 = 0 THEN NULL ELSE (i * 1.25)::DECIMAL(9,2) END AS d9,"
            + " (i * 3.125)::DECIMAL(18,3) AS d18,"
            + " (i * 1.5 - 700)::DECIMAL(30,4) AS d30,"
            + " (i % 100)::TINYINT AS tiny,"
            + " (i % 60000)::USMALLINT AS usmall,"
            + " (i * 1000)::UINTEGER AS uint,"
            + " 'ümlaut-' || (i % 4) AS uni"
            + " FROM range(0, 4321) t(i)";
    try (Statement st = db.createStatement()) {
      st.execute(
          "COPY ("
              + select
              + ") TO "
              + sql(file)
              + " (FORMAT parquet, COMPRESSION "
              + compression
              + ", ROW_GROUP_SIZE 1000)");
    }
    try (ParquetReader r = ParquetReader.open(file)) {
      assertThat(r.numRows()).isEqualTo(4321);
      assertThat(r.numRowGroups()).isGreaterThan(1);
      assertThat(r.schema())
          .extracting(ColumnSpec::type)
          .containsExactly(
              ColumnType.INT32,
              ColumnType.INT64,
              ColumnType.DOUBLE,
              ColumnType.FLOAT,
              ColumnType.BOOLEAN,
              ColumnType.STRING,
              ColumnType.DATE,
              ColumnType.TIMESTAMP_MILLIS,
              ColumnType.DOUBLE,
              ColumnType.DOUBLE,
              ColumnType.DOUBLE,
              ColumnType.INT32,
              ColumnType.INT32,
              ColumnType.INT64,
              ColumnType.STRING);
      IntColumn id = (IntColumn) r.readColumn("id");
      LongColumn big = (LongColumn) r.readColumn("big");
      DoubleColumn dbl = (DoubleColumn) r.readColumn("dbl");
      FloatColumn flt = (FloatColumn) r.readColumn("flt");
      BooleanColumn even = (BooleanColumn) r.readColumn("even");
      StringColumn sku = (StringColumn) r.readColumn("sku");
      IntColumn day = (IntColumn) r.readColumn("day");
      LongColumn ts = (LongColumn) r.readColumn("ts");
      DoubleColumn d9 = (DoubleColumn) r.readColumn("d9");
      DoubleColumn d18 = (DoubleColumn) r.readColumn("d18");
      DoubleColumn d30 = (DoubleColumn) r.readColumn("d30");
      IntColumn tiny = (IntColumn) r.readColumn("tiny");
      IntColumn usmall = (IntColumn) r.readColumn("usmall");
      LongColumn uint = (LongColumn) r.readColumn("uint");
      StringColumn uni = (StringColumn) r.readColumn("uni");
      long ts0 =
          java.time.LocalDateTime.of(2021, 3, 4, 5, 6, 7, 123_456_000)
              .toInstant(java.time.ZoneOffset.UTC)
              .toEpochMilli();
      int day0 = (int) java.time.LocalDate.of(2020, 1, 1).toEpochDay();
      for (int i = 0; i < 4321; i++) {
        assertThat(id.get(i)).isEqualTo(i);
        assertThat(big.get(i)).isEqualTo(i * 7919L);
        assertThat(dbl.isNull(i)).isEqualTo(i % 5 == 0);
        if (i % 5 != 0) {
          assertThat(dbl.get(i)).isEqualTo(i * 0.5);
        }
        assertThat(flt.get(i)).isEqualTo((float) (i % 3));
        assertThat(even.get(i)).isEqualTo(i % 2 == 0);
        assertThat(sku.get(i)).isEqualTo(i % 7 == 0 ? null : "sku-" + (i % 13));
        assertThat(day.get(i)).isEqualTo(day0 + i % 400);
        assertThat(ts.get(i))
            .as("ts row %d", i)
            .isEqualTo(Math.floorDiv((ts0 * 1000 + 123_456 % 1000) + i * 1000003L, 1000L));
        assertThat(d9.isNull(i)).isEqualTo(i % 11 == 0);
        if (i % 11 != 0) {
          assertThat(d9.get(i)).isCloseTo(i * 1.25, within(1e-9));
        }
        assertThat(d18.get(i)).isCloseTo(i * 3.125, within(1e-9));
        assertThat(d30.get(i)).isCloseTo(i * 1.5 - 700, within(1e-9));
        assertThat(tiny.get(i)).isEqualTo(i % 100);
        assertThat(usmall.get(i)).isEqualTo(i % 60000);
        assertThat(uint.get(i)).isEqualTo(i * 1000L);
        assertThat(uni.get(i)).isEqualTo("ümlaut-" + (i % 4));
      }
      assertThat(sku.dictionary()).hasSize(13);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"V1", "V2"})
  void weReadDuckDbParquetVersions(String version) throws Exception {
    Path file = dir.resolve("duck-version-" + version + ".parquet");
    try (Statement st = db.createStatement()) {
      st.execute(
          "COPY (SELECT i AS id, CASE WHEN i % 3 = 0 THEN NULL ELSE i * 2 END AS x, 'k' || (i %"
              + " 5) AS k, 'uniq-' || i AS u, i * 0.25 AS d FROM range(0, 5000) t(i)) TO "
              + sql(file)
              + " (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 2048, PARQUET_VERSION "
              + version
              + ")");
    }
    try (ParquetReader r = ParquetReader.open(file)) {
      LongColumn id = (LongColumn) r.readColumn("id");
      LongColumn x = (LongColumn) r.readColumn("x");
      StringColumn k = (StringColumn) r.readColumn("k");
      StringColumn u = (StringColumn) r.readColumn("u");
      DoubleColumn d = (DoubleColumn) r.readColumn("d");
      for (int i = 0; i < 5000; i++) {
        assertThat(id.get(i)).isEqualTo(i);
        assertThat(x.isNull(i)).isEqualTo(i % 3 == 0);
        if (i % 3 != 0) {
          assertThat(x.get(i)).isEqualTo(2L * i);
        }
        assertThat(k.get(i)).isEqualTo("k" + (i % 5));
        assertThat(u.get(i)).isEqualTo("uniq-" + i);
        assertThat(d.get(i)).isEqualTo(i * 0.25);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Codec.class)
  void duckDbReadsEveryTypeOfOurs(Codec codec) throws Exception {
    Path file = dir.resolve("types-" + codec + ".parquet");
    List<ColumnSpec> schema = TestData.schema(false);
    ColumnData[] cols = TestData.columns(5, 300, 0, false);
    try (ParquetWriter w = ParquetWriter.open(file, schema, codec)) {
      w.writeRowGroup(cols);
    }
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet("
                    + sql(file)
                    + "))")) {
      StringBuilder types = new StringBuilder();
      while (rs.next()) {
        types.append(rs.getString(1)).append(':').append(rs.getString(2)).append(' ');
      }
      assertThat(types.toString().trim())
          .isEqualTo(
              "i32:INTEGER i64:BIGINT f32:FLOAT f64:DOUBLE flag:BOOLEAN name:VARCHAR day:DATE"
                  + " ts:TIMESTAMP WITH TIME ZONE");
    }
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT i32, i64, f64, flag, name, day - DATE '1970-01-01', epoch_ms(ts) FROM"
                    + " read_parquet("
                    + sql(file)
                    + ")")) {
      for (int i = 0; i < 300; i++) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(((IntColumn) cols[0]).get(i));
        assertThat(rs.getLong(2)).isEqualTo(((LongColumn) cols[1]).get(i));
        assertThat(rs.getDouble(3)).isEqualTo(((DoubleColumn) cols[3]).get(i));
        assertThat(rs.getBoolean(4)).isEqualTo(((BooleanColumn) cols[4]).get(i));
        assertThat(rs.getString(5)).isEqualTo(((StringColumn) cols[5]).get(i));
        assertThat(rs.getLong(6)).isEqualTo(((IntColumn) cols[6]).get(i));
        assertThat(rs.getLong(7)).isEqualTo(((LongColumn) cols[7]).get(i));
      }
      assertThat(rs.next()).isFalse();
    }
  }
}
