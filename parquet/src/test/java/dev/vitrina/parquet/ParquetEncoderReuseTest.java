package dev.vitrina.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer keeps one encoder per column across row groups: nothing of one row group's chunk
 * (dictionary page, null levels, sizes) may leak into the next.
 */
class ParquetEncoderReuseTest {

  @TempDir Path dir;

  private static final List<ColumnSpec> SCHEMA =
      List.of(
          ColumnSpec.optional("s", ColumnType.STRING), ColumnSpec.optional("f", ColumnType.FLOAT));

  /** 2 distinct strings fit a 32-byte dictionary; 10 distinct strings of 4 bytes do not. */
  private static final ParquetWriter.Options OPTIONS =
      ParquetWriter.Options.defaults().withDictionaryLimitBytes(32).withPageSizeBytes(64);

  private static ColumnData[] dictionaryGroup() {
    return new ColumnData[] {
      StringColumn.of("a", "b", null, "a", "b", "a"),
      FloatColumn.of(Float.NaN, 1f, Float.NaN, 2f, Float.NaN, 3f)
    };
  }

  private static ColumnData[] plainGroup() {
    String[] s = new String[10];
    float[] f = new float[10];
    for (int i = 0; i < s.length; i++) {
      s[i] = "v" + (100 + i);
      f[i] = i * 0.5f;
    }
    return new ColumnData[] {StringColumn.of(s), FloatColumn.of(f)};
  }

  @Test
  void aDictionaryChunkFollowedByAPlainChunkReadsBackAndEncodesAsWrittenAlone() throws IOException {
    Path both = dir.resolve("both.parquet");
    try (ParquetWriter w = ParquetWriter.open(both, SCHEMA, Codec.SNAPPY, OPTIONS)) {
      w.writeRowGroup(dictionaryGroup());
      w.writeRowGroup(plainGroup());
      w.writeRowGroup(dictionaryGroup());
    }
    Path alone = dir.resolve("alone.parquet");
    try (ParquetWriter w = ParquetWriter.open(alone, SCHEMA, Codec.SNAPPY, OPTIONS)) {
      w.writeRowGroup(plainGroup());
    }
    try (ParquetReader r = ParquetReader.open(both)) {
      assertThat(r.numRowGroups()).isEqualTo(3);
      for (int c = 0; c < 2; c++) {
        String name = SCHEMA.get(c).name();
        assertThat(r.readColumn(name, 0)).isEqualTo(dictionaryGroup()[c]);
        assertThat(r.readColumn(name, 1)).isEqualTo(plainGroup()[c]);
        assertThat(r.readColumn(name, 2)).isEqualTo(dictionaryGroup()[c]);
      }
    }
    byte[] a = Files.readAllBytes(alone);
    byte[] b = Files.readAllBytes(both);
    int chunks = indexOf(b, java.util.Arrays.copyOfRange(a, 4, a.length - 8 - footerLength(a)));
    assertThat(chunks)
        .as("the plain row group's chunks are byte for byte those written by a fresh writer")
        .isPositive();
    Footer.ChunkMeta dict = footer(b).rowGroups().get(0).columns().get(0);
    Footer.ChunkMeta plain = footer(b).rowGroups().get(1).columns().get(0);
    assertThat(dict.dictionaryPageOffset()).as("row group 0 has a dictionary page").isPositive();
    assertThat(plain.dictionaryPageOffset())
        .as("row group 1 has no dictionary page, as when written alone")
        .isEqualTo(footer(a).rowGroups().get(0).columns().get(0).dictionaryPageOffset())
        .isEqualTo(-1);
  }

  private static Footer.FileMeta footer(byte[] f) {
    int len = footerLength(f);
    return Footer.parse(f, f.length - 8 - len, len);
  }

  private static int footerLength(byte[] f) {
    return ByteSink.getInt(f, f.length - 8);
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
