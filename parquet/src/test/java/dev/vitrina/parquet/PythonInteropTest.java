package dev.vitrina.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * polars and pyarrow read our files, and we read a fresh polars file. Skipped when {@code python3
 * -c 'import polars, pyarrow'} fails.
 */
class PythonInteropTest {

  @TempDir Path dir;
  private static boolean available;

  @BeforeAll
  static void probe() {
    try {
      available = python("import polars, pyarrow").exitCode == 0;
    } catch (IOException e) {
      available = false;
    }
  }

  private record Result(int exitCode, String out) {}

  private static Result python(String script, String... args) throws IOException {
    List<String> cmd = new java.util.ArrayList<>(List.of("python3", "-c", script));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return new Result(-1, "interrupted");
    }
    return new Result(
        p.exitValue(),
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
  }

  @Test
  void polarsAndPyarrowReadOurFiles() throws IOException {
    assumeTrue(available, "python3 with polars and pyarrow is not installed");
    StringBuilder expected = new StringBuilder();
    for (Codec codec : Codec.values()) {
      Path file = dir.resolve("ours-" + codec + ".parquet");
      ColumnData[] cols = TestData.columns(9, 3000, 0, true);
      try (ParquetWriter w =
          ParquetWriter.open(
              file,
              TestData.schema(true),
              codec,
              ParquetWriter.Options.defaults().withPageSizeBytes(2048))) {
        w.writeRowGroup(
            TestData.slice(cols[0], 0, 1000),
            TestData.slice(cols[1], 0, 1000),
            TestData.slice(cols[2], 0, 1000),
            TestData.slice(cols[3], 0, 1000),
            TestData.slice(cols[4], 0, 1000),
            TestData.slice(cols[5], 0, 1000),
            TestData.slice(cols[6], 0, 1000),
            TestData.slice(cols[7], 0, 1000));
        ColumnData[] rest = new ColumnData[8];
        for (int c = 0; c < 8; c++) {
          rest[c] = TestData.slice(cols[c], 1000, 3000);
        }
        w.writeRowGroup(rest);
      }
      IntColumn i32 = (IntColumn) cols[0];
      StringColumn name = (StringColumn) cols[5];
      LongColumn ts = (LongColumn) cols[7];
      long sum = 0;
      long nulls = 0;
      long tsSum = 0;
      for (int i = 0; i < 3000; i++) {
        if (i32.isNull(i)) {
          nulls++;
        } else {
          sum += i32.get(i);
        }
        if (!ts.isNull(i)) {
          tsSum += ts.get(i);
        }
      }
      expected.append(
          String.format(
              "%d %d %d %d %s|", sum, nulls, tsSum, name.get(2999).length(), name.get(0)));
    }
    String script =
        """
        import sys, polars as pl, pyarrow.parquet as pq
        out = []
        for f in sys.argv[1:]:
            df = pl.read_parquet(f)
            t = pq.read_table(f)
            assert t.num_rows == df.height == 3000, f
            assert str(df.schema["day"]) == "Date" and str(df.schema["name"]) == "String", df.schema
            ts = df["ts"].dt.epoch("ms")
            out.append("%d %d %d %d %s" % (df["i32"].cast(pl.Int64).sum(), df["i32"].null_count(), ts.sum(),
                       len(df["name"][2999]), df["name"][0]))
            assert t.column("i64").to_pylist() == df["i64"].to_list()
        print("|".join(out) + "|")
        """;
    String[] files = new String[Codec.values().length];
    for (Codec codec : Codec.values()) {
      files[codec.ordinal()] = dir.resolve("ours-" + codec + ".parquet").toString();
    }
    Result r = python(script, files);
    assertThat(r.exitCode()).as(r.out()).isZero();
    assertThat(r.out()).isEqualTo(expected.toString());
  }

  @Test
  void weReadAFreshPolarsFile() throws IOException {
    assumeTrue(available, "python3 with polars and pyarrow is not installed");
    Path file = dir.resolve("polars.parquet");
    String script =
        """
        import sys, polars as pl, datetime as dt
        n = 20_000
        df = pl.DataFrame({"id": pl.int_range(0, n, eager=True)}).with_columns(
            (pl.col("id") % 100).cast(pl.Int32).alias("store"),
            pl.when(pl.col("id") % 4 == 0).then(None).otherwise(pl.col("id") * 0.5).alias("x"),
            ("sku-" + (pl.col("id") % 777).cast(pl.String)).alias("sku"),
            (pl.lit(dt.date(2022, 1, 1)) + pl.duration(days=pl.col("id") % 365)).alias("day"),
            pl.col("id").cast(pl.Categorical("lexical") if False else pl.String).alias("sid"),
        )
        df.write_parquet(sys.argv[1], row_group_size=8192)
        """;
    Result r = python(script, file.toString());
    assertThat(r.exitCode()).as(r.out()).isZero();
    try (ParquetReader p = ParquetReader.open(file)) {
      assertThat(p.numRows()).isEqualTo(20_000);
      LongColumn id = (LongColumn) p.readColumn("id");
      IntColumn store = (IntColumn) p.readColumn("store");
      DoubleColumn x = (DoubleColumn) p.readColumn("x");
      StringColumn sku = (StringColumn) p.readColumn("sku");
      IntColumn day = (IntColumn) p.readColumn("day");
      StringColumn sid = (StringColumn) p.readColumn("sid");
      int day0 = (int) java.time.LocalDate.of(2022, 1, 1).toEpochDay();
      for (int i = 0; i < 20_000; i++) {
        assertThat(id.get(i)).isEqualTo(i);
        assertThat(store.get(i)).isEqualTo(i % 100);
        assertThat(x.isNull(i)).isEqualTo(i % 4 == 0);
        if (i % 4 != 0) {
          assertThat(x.get(i)).isEqualTo(i * 0.5);
        }
        assertThat(sku.get(i)).isEqualTo("sku-" + (i % 777));
        assertThat(day.get(i)).isEqualTo(day0 + i % 365);
        assertThat(sid.get(i)).isEqualTo(Integer.toString(i));
      }
      assertThat(sku.dictionary()).hasSize(777);
    }
    assertThat(Files.size(file)).isPositive();
  }
}
