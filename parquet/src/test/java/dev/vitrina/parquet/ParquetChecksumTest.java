package dev.vitrina.parquet;

import static dev.vitrina.parquet.ParquetFixturesTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Page checksums (PageHeader.crc): written by vitrina on request and by pyarrow ({@code
 * checksums_v1/v2.parquet}, see {@code parquet/make_timestamp_fixtures.py}), verified on read.
 */
class ParquetChecksumTest {

  @TempDir Path dir;

  private static final List<ColumnSpec> SCHEMA =
      List.of(
          ColumnSpec.required("id", ColumnType.INT64),
          ColumnSpec.optional("item", ColumnType.STRING));

  private Path writeVitrina(Codec codec, boolean checksums) throws IOException {
    Path f = dir.resolve("v-" + codec + "-" + checksums + ".parquet");
    long[] ids = new long[1000];
    String[] items = new String[1000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = 1000 + i;
      items[i] = i % 9 == 0 ? null : "item-" + (i % 40);
    }
    try (ParquetWriter w =
        ParquetWriter.open(
            f,
            SCHEMA,
            codec,
            ParquetWriter.Options.defaults().withPageSizeBytes(512).withPageChecksums(checksums))) {
      w.writeRowGroup(LongColumn.of(ids), StringColumn.of(items));
    }
    return f;
  }

  /** File offset and body range of page {@code page} of a column chunk, from the footer. */
  private record PageAt(int bodyStart, int bodyLength, boolean hasCrc, int crc) {}

  private static PageAt page(byte[] file, int rowGroup, int column, int page) {
    int footerLen = ByteSink.getInt(file, file.length - 8);
    Footer.FileMeta meta = Footer.parse(file, file.length - 8 - footerLen, footerLen);
    Footer.ChunkMeta cm = meta.rowGroups().get(rowGroup).columns().get(column);
    Footer.PageHeader h = new Footer.PageHeader();
    int pos = (int) cm.start();
    for (int p = 0; ; p++) {
      int body = h.parse(file, pos, file.length);
      if (p == page) {
        return new PageAt(body, h.compressedSize, h.hasCrc, h.crc);
      }
      pos = body + h.compressedSize;
    }
  }

  private Path flipped(Path f, int at) throws IOException {
    byte[] b = Files.readAllBytes(f);
    b[at] ^= 0x10;
    Path out = dir.resolve("bad-" + f.getFileName());
    Files.write(out, b);
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"UNCOMPRESSED", "SNAPPY", "ZSTD"})
  void vitrinaWritesTheCrcOfTheStoredPageBytes(String codecName) throws IOException {
    Path f = writeVitrina(Codec.valueOf(codecName), true);
    byte[] b = Files.readAllBytes(f);
    for (int[] cp : new int[][] {{0, 0}, {0, 3}, {1, 0}, {1, 1}}) {
      PageAt p = page(b, 0, cp[0], cp[1]);
      CRC32 crc = new CRC32();
      crc.update(b, p.bodyStart(), p.bodyLength());
      assertThat(p.hasCrc()).isTrue();
      assertThat(p.crc()).isEqualTo((int) crc.getValue());
    }
    try (ParquetReader r = ParquetReader.open(f)) {
      assertThat(((LongColumn) r.readColumn("id")).get(999)).isEqualTo(1999);
      StringColumn items = (StringColumn) r.readColumn("item");
      assertThat(items.get(10)).isEqualTo("item-10");
      assertThat(items.isNull(9)).isTrue();
    }
    assertThat(page(Files.readAllBytes(writeVitrina(Codec.SNAPPY, false)), 0, 0, 0).hasCrc())
        .isFalse();
  }

  @Test
  void aFlippedByteInAPageIsAnErrorNamingFileColumnRowGroupAndPage() throws IOException {
    Path f = writeVitrina(Codec.UNCOMPRESSED, true);
    PageAt p = page(Files.readAllBytes(f), 0, 0, 3);
    // the low byte of an id in the middle of page 3: without the check it reads as another id
    Path bad = flipped(f, p.bodyStart() + 8 * 10);
    try (ParquetReader r = ParquetReader.open(bad)) {
      assertThatThrownBy(() -> r.readColumn("id"))
          .isInstanceOf(dev.vitrina.core.validate.InvalidFileException.class)
          .hasMessageStartingWith(
              "corrupt Parquet data in "
                  + bad
                  + ", column 'id', row group 0, page 3: page checksum"
                  + " mismatch")
          .hasMessageContaining("copy or export it again");
      assertThat(((StringColumn) r.readColumn("item")).get(10)).isEqualTo("item-10");
    }
  }

  @Test
  void withoutChecksumsTheSameFlipGoesUnnoticed() throws IOException {
    Path f = writeVitrina(Codec.UNCOMPRESSED, false);
    PageAt p = page(Files.readAllBytes(f), 0, 0, 3);
    Path bad = flipped(f, p.bodyStart() + 8 * 10);
    try (ParquetReader r = ParquetReader.open(bad)) {
      LongColumn ids = (LongColumn) r.readColumn("id");
      long changed = 0;
      for (int i = 0; i < ids.size(); i++) {
        changed += ids.get(i) != 1000 + i ? 1 : 0;
      }
      assertThat(changed).isEqualTo(1);
    }
  }

  private static Object expected(String column, int k) {
    return switch (column) {
      case "id" -> (long) k;
      case "name" -> k % 7 == 0 ? null : "item-" + (k % 50);
      default -> k % 5 == 0 ? null : k * 0.5;
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"checksums_v1.parquet", "checksums_v2.parquet"})
  void pyarrowChecksumsVerify(String file) throws IOException {
    Path f = fixture(file);
    try (ParquetReader r = ParquetReader.open(f)) {
      LongColumn id = (LongColumn) r.readColumn("id");
      StringColumn name = (StringColumn) r.readColumn("name");
      DoubleColumn qty = (DoubleColumn) r.readColumn("qty");
      for (int k = 0; k < 1200; k++) {
        assertThat(id.get(k)).isEqualTo(expected("id", k));
        assertThat(name.get(k)).isEqualTo(expected("name", k));
        Object q = expected("qty", k);
        assertThat(qty.isNull(k)).isEqualTo(q == null);
        if (q != null) {
          assertThat(qty.get(k)).isEqualTo(q);
        }
      }
    }
    byte[] b = Files.readAllBytes(f);
    for (int column = 0; column < 3; column++) {
      // page 0 is the dictionary page; page 1 the first data page (levels + values in v2)
      for (int pageNo = 0; pageNo < 2; pageNo++) {
        PageAt p = page(b, 0, column, pageNo);
        assertThat(p.hasCrc()).isTrue();
        Path bad = flipped(f, p.bodyStart() + p.bodyLength() / 2);
        String name = List.of("id", "name", "qty").get(column);
        try (ParquetReader r = ParquetReader.open(bad)) {
          assertThatThrownBy(() -> r.readColumn(name))
              .as("%s column %s page %d", file, name, pageNo)
              .isInstanceOf(IOException.class)
              .hasMessageStartingWith(
                  "corrupt Parquet data in "
                      + bad
                      + ", column '"
                      + name
                      + "', row group 0, page "
                      + pageNo
                      + ": page checksum mismatch");
        }
      }
    }
  }
}
