package dev.vitrina.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParquetRoundTripTest {

  @TempDir Path dir;

  private static final ParquetWriter.Options SMALL_PAGES =
      ParquetWriter.Options.defaults().withPageSizeBytes(256).withThreads(2);

  @ParameterizedTest
  @EnumSource(Codec.class)
  void everyTypeRoundTripsWithNullsAcrossRowGroupsAndPages(Codec codec) throws IOException {
    roundTrip(codec, true, 42L + codec.ordinal());
  }

  @ParameterizedTest
  @EnumSource(Codec.class)
  void everyTypeRoundTripsWithoutNulls(Codec codec) throws IOException {
    roundTrip(codec, false, 7L + codec.ordinal());
  }

  private void roundTrip(Codec codec, boolean nullable, long seed) throws IOException {
    Path file = dir.resolve("t-" + codec + "-" + nullable + ".parquet");
    int[] sizes = {1000, 1, 0, 2500};
    ColumnData[][] groups = new ColumnData[sizes.length][];
    try (ParquetWriter w =
        ParquetWriter.open(file, TestData.schema(nullable), codec, SMALL_PAGES)) {
      for (int g = 0; g < sizes.length; g++) {
        groups[g] = TestData.columns(seed * 31 + g, sizes[g], g, nullable);
        w.writeRowGroup(groups[g]);
      }
      assertThat(w.numRows()).isEqualTo(3501);
    }
    try (ParquetReader r = ParquetReader.open(file)) {
      assertThat(r.schema()).isEqualTo(TestData.schema(nullable));
      assertThat(r.numRows()).isEqualTo(3501);
      assertThat(r.numRowGroups()).as("the empty row group is skipped").isEqualTo(3);
      int[] written = {0, 1, 3};
      for (int c = 0; c < 8; c++) {
        String name = TestData.schema(nullable).get(c).name();
        for (int g = 0; g < 3; g++) {
          ColumnData got = r.readColumn(name, g);
          assertThat(got)
              .as("column %s row group %d seed %d", name, g, seed)
              .isEqualTo(groups[written[g]][c]);
        }
        ColumnData all = r.readColumn(name);
        assertThat(all.size()).isEqualTo(3501);
        assertThat(TestData.slice(all, 1001, 3501))
            .as("column %s rows of the last row group, seed %d", name, seed)
            .isEqualTo(groups[3][c]);
        assertThat(all.isNull(1000)).isEqualTo(groups[1][c].isNull(0));
      }
    }
  }

  @Test
  void readsExactValuesOfASmallHandWrittenTable() throws IOException {
    Path file = dir.resolve("small.parquet");
    BitSet nulls = new BitSet();
    nulls.set(1);
    List<ColumnSpec> schema =
        List.of(
            ColumnSpec.optional("qty", ColumnType.INT32),
            ColumnSpec.required("sku", ColumnType.STRING),
            ColumnSpec.optional("price", ColumnType.DOUBLE),
            ColumnSpec.required("day", ColumnType.DATE));
    try (ParquetWriter w = ParquetWriter.open(file, schema, Codec.SNAPPY)) {
      w.writeRowGroup(
          new IntColumn(new int[] {3, 99, -4}, 3, nulls),
          StringColumn.of("b", "a", "b"),
          DoubleColumn.of(1.5, Double.NaN, -0.25),
          IntColumn.of(19000, 19001, 0));
    }
    try (ParquetReader r = ParquetReader.open(file)) {
      IntColumn qty = (IntColumn) r.readColumn("qty");
      assertThat(qty.get(0)).isEqualTo(3);
      assertThat(qty.isNull(1)).isTrue();
      assertThat(qty.get(2)).isEqualTo(-4);
      StringColumn sku = (StringColumn) r.readColumn("sku");
      assertThat(sku.toArray()).containsExactly("b", "a", "b");
      assertThat(sku.dictionary()).containsExactly("b", "a");
      DoubleColumn price = (DoubleColumn) r.readColumn("price");
      assertThat(price.get(0)).isEqualTo(1.5);
      assertThat(price.isNull(1)).isTrue();
      assertThat(price.get(2)).isEqualTo(-0.25);
      assertThat(((IntColumn) r.readColumn("day")).toArray()).containsExactly(19000, 19001, 0);
    }
  }

  @Test
  void stringsAcrossRowGroupsMergeIntoOneDictionary() throws IOException {
    Path file = dir.resolve("dict.parquet");
    List<ColumnSpec> schema = List.of(ColumnSpec.optional("s", ColumnType.STRING));
    try (ParquetWriter w = ParquetWriter.open(file, schema, Codec.ZSTD)) {
      w.writeRowGroup(StringColumn.of("x", "y", null, "x"));
      w.writeRowGroup(StringColumn.of("z", "x", "ß", null));
    }
    try (ParquetReader r = ParquetReader.open(file)) {
      StringColumn s = (StringColumn) r.readColumn("s");
      assertThat(s.toArray()).containsExactly("x", "y", null, "x", "z", "x", "ß", null);
      assertThat(s.dictionary()).containsExactly("x", "y", "z", "ß");
    }
  }

  @Test
  void plainFallbackForLargeDictionariesReadsBack() throws IOException {
    Path file = dir.resolve("plain.parquet");
    String[] values = new String[5000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 7 == 0 ? null : "user-" + i;
    }
    ParquetWriter.Options opts =
        ParquetWriter.Options.defaults().withDictionaryLimitBytes(0).withPageSizeBytes(1000);
    try (ParquetWriter w =
        ParquetWriter.open(
            file, List.of(ColumnSpec.optional("u", ColumnType.STRING)), Codec.SNAPPY, opts)) {
      w.writeRowGroup(StringColumn.of(values));
    }
    try (ParquetReader r = ParquetReader.open(file)) {
      assertThat(((StringColumn) r.readColumn("u")).toArray()).containsExactly(values);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void allNullAndSingleValueColumns(boolean nullable) throws IOException {
    Path file = dir.resolve("edge.parquet");
    int n = 100;
    BitSet all = new BitSet();
    all.set(0, n);
    double[] nan = new double[n];
    java.util.Arrays.fill(nan, Double.NaN);
    String[] same = new String[n];
    java.util.Arrays.fill(same, "only");
    List<ColumnSpec> schema =
        List.of(
            ColumnSpec.optional("nulls", ColumnType.INT64),
            new ColumnSpec("nan", ColumnType.DOUBLE, nullable),
            new ColumnSpec("same", ColumnType.STRING, nullable),
            ColumnSpec.optional("nostr", ColumnType.STRING));
    try (ParquetWriter w = ParquetWriter.open(file, schema, Codec.GZIP)) {
      w.writeRowGroup(
          new LongColumn(new long[n], n, all),
          new DoubleColumn(nan, n),
          StringColumn.of(same),
          StringColumn.of(new String[n]));
    }
    try (ParquetReader r = ParquetReader.open(file)) {
      assertThat(r.readColumn("nulls").nullCount()).isEqualTo(n);
      DoubleColumn d = (DoubleColumn) r.readColumn("nan");
      assertThat(d.toArray()).containsOnly(Double.NaN);
      assertThat(((StringColumn) r.readColumn("same")).toArray()).containsOnly("only");
      assertThat(r.readColumn("nostr").nullCount()).isEqualTo(n);
    }
  }

  @Test
  void fileWithoutRowGroupsHasSchemaAndNoRows() throws IOException {
    Path file = dir.resolve("empty.parquet");
    try (ParquetWriter w = ParquetWriter.open(file, TestData.schema(true), Codec.SNAPPY)) {
      w.writeRowGroup(TestData.columns(1, 0, 0, true));
    }
    try (ParquetReader r = ParquetReader.open(file)) {
      assertThat(r.numRows()).isZero();
      assertThat(r.numRowGroups()).isZero();
      assertThat(r.schema()).isEqualTo(TestData.schema(true));
      assertThat(r.readColumn("name").size()).isZero();
      assertThat(r.readColumn("i32")).isInstanceOf(IntColumn.class);
    }
  }

  @Test
  void rejectsWrongTypesSizesAndNullsNamingTheColumn() throws IOException {
    List<ColumnSpec> schema =
        List.of(
            ColumnSpec.required("a", ColumnType.INT64),
            ColumnSpec.required("b", ColumnType.STRING));
    try (ParquetWriter w = ParquetWriter.open(dir.resolve("x.parquet"), schema, Codec.SNAPPY)) {
      assertThatThrownBy(() -> w.writeRowGroup(IntColumn.of(1), StringColumn.of("x")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("column 'a' (index 0) is declared INT64 but got a IntColumn")
          .hasMessageContaining("pass a LongColumn");
      w.abort();
    }
    try (ParquetWriter w = ParquetWriter.open(dir.resolve("y.parquet"), schema, Codec.SNAPPY)) {
      assertThatThrownBy(() -> w.writeRowGroup(LongColumn.of(1, 2), StringColumn.of("x")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("column 'b' (index 1) has 1 rows but column 'a' has 2");
      w.abort();
    }
    try (ParquetWriter w = ParquetWriter.open(dir.resolve("z.parquet"), schema, Codec.SNAPPY)) {
      assertThatThrownBy(() -> w.writeRowGroup(LongColumn.of(1, 2), StringColumn.of("x", null)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("column 'b' is declared non-nullable but row 1");
      w.abort();
    }
    try (ParquetWriter w = ParquetWriter.open(dir.resolve("w.parquet"), schema, Codec.SNAPPY)) {
      assertThatThrownBy(() -> w.writeRowGroup(LongColumn.of(1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("got 1 columns but the schema")
          .hasMessageContaining("[a, b]");
      w.abort();
    }
  }

  @Test
  void outputIsByteIdenticalWhateverTheThreadCount() throws IOException {
    byte[][] files = new byte[3][];
    int[] threads = {1, 2, 5};
    for (int t = 0; t < threads.length; t++) {
      Path file = dir.resolve("threads-" + threads[t] + ".parquet");
      ParquetWriter.Options opts =
          ParquetWriter.Options.defaults().withThreads(threads[t]).withPageSizeBytes(4096);
      try (ParquetWriter w = ParquetWriter.open(file, TestData.schema(true), Codec.ZSTD, opts)) {
        w.writeRowGroup(TestData.columns(77, 5000, 0, true));
        w.writeRowGroup(TestData.columns(78, 3000, 0, true));
      }
      files[t] = java.nio.file.Files.readAllBytes(file);
    }
    assertThat(files[1]).isEqualTo(files[0]);
    assertThat(files[2]).isEqualTo(files[0]);
  }

  @Test
  void nanInARequiredDoubleColumnIsAValue() throws IOException {
    Path file = dir.resolve("nan.parquet");
    try (ParquetWriter w =
        ParquetWriter.open(
            file, List.of(ColumnSpec.required("x", ColumnType.FLOAT)), Codec.UNCOMPRESSED)) {
      w.writeRowGroup(FloatColumn.of(1f, Float.NaN, Float.NEGATIVE_INFINITY));
    }
    try (ParquetReader r = ParquetReader.open(file)) {
      assertThat(r.schema().get(0).nullable()).isFalse();
      assertThat(((FloatColumn) r.readColumn("x")).toArray())
          .containsExactly(1f, Float.NaN, Float.NEGATIVE_INFINITY);
    }
  }
}
