package dev.vitrina.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetAtomicityTest {

  @TempDir Path dir;

  private static final List<ColumnSpec> SCHEMA =
      List.of(
          ColumnSpec.required("x", ColumnType.INT64), ColumnSpec.optional("s", ColumnType.STRING));

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void nothingAppearsBeforeCloseAndTheTempFileIsASibling() throws IOException {
    Path target = dir.resolve("a.parquet");
    try (ParquetWriter w = ParquetWriter.open(target, SCHEMA, Codec.SNAPPY)) {
      w.writeRowGroup(LongColumn.of(1, 2), StringColumn.of("p", null));
      assertThat(target).doesNotExist();
      assertThat(files()).singleElement().asString().startsWith(".a.parquet.tmp-");
    }
    assertThat(files()).containsExactly("a.parquet");
    try (ParquetReader r = ParquetReader.open(target)) {
      assertThat(((LongColumn) r.readColumn("x")).toArray()).containsExactly(1, 2);
    }
  }

  @Test
  void abortLeavesNoFileAndCloseAfterAbortIsANoOp() throws IOException {
    Path target = dir.resolve("b.parquet");
    ParquetWriter w = ParquetWriter.open(target, SCHEMA, Codec.ZSTD);
    w.writeRowGroup(LongColumn.of(1), StringColumn.of("p"));
    w.abort();
    w.close();
    w.abort();
    assertThat(files()).isEmpty();
    assertThatThrownBy(() -> w.writeRowGroup(LongColumn.of(1), StringColumn.of("p")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already closed");
  }

  @Test
  void aFailedWriteRowGroupDiscardsTheFileOnClose() throws IOException {
    Path target = dir.resolve("c.parquet");
    assertThatThrownBy(
            () -> {
              try (ParquetWriter w = ParquetWriter.open(target, SCHEMA, Codec.SNAPPY)) {
                w.writeRowGroup(LongColumn.of(1, 2, 3), StringColumn.of("a", "b", "c"));
                java.util.BitSet nulls = new java.util.BitSet();
                nulls.set(1);
                w.writeRowGroup(
                    new LongColumn(new long[] {4, 5}, 2, nulls), StringColumn.of("d", "e"));
              }
            })
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column 'x' is declared non-nullable but row 1")
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .singleElement()
                    .asString()
                    .contains("not writing")
                    .contains("an earlier writeRowGroup failed"));
    assertThat(files()).isEmpty();
  }

  @Test
  void writesAfterAFailureAreRefused() throws IOException {
    Path target = dir.resolve("d.parquet");
    ParquetWriter w = ParquetWriter.open(target, SCHEMA, Codec.SNAPPY);
    assertThatThrownBy(() -> w.writeRowGroup(LongColumn.of(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> w.writeRowGroup(LongColumn.of(1), StringColumn.of("x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("failed earlier");
    assertThatThrownBy(w::close)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not writing");
    assertThat(files()).isEmpty();
  }

  @Test
  void anExistingTargetIsReplacedOnlyOnClose() throws IOException {
    Path target = dir.resolve("e.parquet");
    try (ParquetWriter w = ParquetWriter.open(target, SCHEMA, Codec.SNAPPY)) {
      w.writeRowGroup(LongColumn.of(1), StringColumn.of("old"));
    }
    byte[] before = Files.readAllBytes(target);
    ParquetWriter w = ParquetWriter.open(target, SCHEMA, Codec.SNAPPY);
    w.writeRowGroup(LongColumn.of(2, 3), StringColumn.of("new", "new"));
    assertThat(Files.readAllBytes(target)).isEqualTo(before);
    try (ParquetReader r = ParquetReader.open(target)) {
      assertThat(r.numRows()).isEqualTo(1);
    }
    w.close();
    try (ParquetReader r = ParquetReader.open(target)) {
      assertThat(((StringColumn) r.readColumn("s")).toArray()).containsExactly("new", "new");
    }
    // an aborted rewrite keeps the old content
    ParquetWriter w2 = ParquetWriter.open(target, SCHEMA, Codec.SNAPPY);
    w2.writeRowGroup(LongColumn.of(9), StringColumn.of("never"));
    w2.abort();
    try (ParquetReader r = ParquetReader.open(target)) {
      assertThat(((StringColumn) r.readColumn("s")).toArray()).containsExactly("new", "new");
    }
    assertThat(files()).containsExactly("e.parquet");
  }
}
