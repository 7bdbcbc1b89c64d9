package dev.vitrina.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetBadInputTest {

  @TempDir Path dir;
  private Path good;

  @BeforeEach
  void writeGood() throws IOException {
    good = dir.resolve("good.parquet");
    try (ParquetWriter w =
        ParquetWriter.open(
            good,
            TestData.schema(true),
            Codec.SNAPPY,
            ParquetWriter.Options.defaults().withPageSizeBytes(512))) {
      w.writeRowGroup(TestData.columns(3, 2000, 0, true));
      w.writeRowGroup(TestData.columns(4, 1000, 0, true));
    }
  }

  @Test
  void wrongMagic() throws IOException {
    Path csv = dir.resolve("data.csv");
    Files.writeString(csv, "a,b,c\n1,2,3\n4,5,6\n");
    assertThatThrownBy(() -> ParquetReader.open(csv))
        .isInstanceOf(dev.vitrina.core.validate.InvalidFileException.class)
        .hasMessage("not a Parquet file: " + csv + " (missing PAR1 magic at the start)");
  }

  @Test
  void aDirectoryOrAMissingPathIsNamed() {
    assertThatThrownBy(() -> ParquetReader.open(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(dir + " is a directory, expected a Parquet file; give the file's path");
    assertThatThrownBy(() -> ParquetReader.open(dir.resolve("none.parquet")))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
  }

  @Test
  void emptyAndTinyFiles() throws IOException {
    Path empty = dir.resolve("empty.parquet");
    Files.write(empty, new byte[0]);
    assertThatThrownBy(() -> ParquetReader.open(empty))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("not a Parquet file: " + empty + " (missing PAR1 magic");
  }

  @Test
  void truncatedFile() throws IOException {
    byte[] all = Files.readAllBytes(good);
    for (int keep : new int[] {all.length - 1, all.length / 2, 20}) {
      Path cut = dir.resolve("cut.parquet");
      Files.write(cut, Arrays.copyOf(all, keep));
      assertThatThrownBy(() -> ParquetReader.open(cut))
          .isInstanceOf(IOException.class)
          .hasMessage(
              "not a Parquet file: "
                  + cut
                  + " (missing PAR1 magic at the end; the file is truncated or still being"
                  + " written)");
    }
  }

  @Test
  void footerLengthOutOfRange() throws IOException {
    byte[] all = Files.readAllBytes(good);
    ByteSinkAccess.putInt(all, all.length - 8, Integer.MAX_VALUE);
    Path bad = dir.resolve("bad-footer.parquet");
    Files.write(bad, all);
    assertThatThrownBy(() -> ParquetReader.open(bad))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("corrupt Parquet footer in " + bad)
        .hasMessageContaining("footer length 2147483647");
  }

  @Test
  void unknownColumnListsTheAvailableOnes() throws IOException {
    try (ParquetReader r = ParquetReader.open(good)) {
      assertThatThrownBy(() -> r.readColumn("price"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "no column 'price' in "
                  + good
                  + "; available columns: [i32, i64, f32, f64, flag, name, day, ts]");
      assertThatThrownBy(() -> r.readColumn("i32", 2))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessageContaining("row group 2 out of range: " + good + " has 2 row groups (0..1)");
    }
  }

  @Test
  void corruptPagesFailWithFileColumnAndRowGroupNeverWithGarbage() throws IOException {
    byte[] all = Files.readAllBytes(good);
    SplittableRandom rnd = new SplittableRandom(11);
    int failures = 0;
    for (int trial = 0; trial < 40; trial++) {
      byte[] bad = all.clone();
      // damage a few bytes in the data area (not the footer)
      for (int k = 0; k < 4; k++) {
        int at = 4 + rnd.nextInt(all.length / 2);
        bad[at] = (byte) rnd.nextInt(256);
      }
      Path file = dir.resolve("corrupt.parquet");
      Files.write(file, bad);
      try (ParquetReader r = ParquetReader.open(file)) {
        for (ColumnSpec c : r.schema()) {
          try {
            r.readColumn(c.name());
          } catch (IOException e) {
            failures++;
            assertThat(e.getMessage())
                .as("seed 11 trial %d", trial)
                .contains(file.toString())
                .contains("'" + c.name() + "'")
                .contains("row group");
          }
        }
      }
    }
    assertThat(failures).as("damaged snappy pages are detected").isPositive();
  }

  /** Little-endian int writes into a byte array, for damaging files. */
  static final class ByteSinkAccess {
    static void putInt(byte[] b, int at, int v) {
      ByteSink.INT_LE.set(b, at, v);
    }
  }

  @Test
  void schemaValidation() {
    assertThatThrownBy(() -> new ColumnSpec(" ", ColumnType.INT32, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column name must not be blank");
    assertThatThrownBy(
            () ->
                ParquetWriter.open(
                    dir.resolve("dup.parquet"),
                    List.of(
                        ColumnSpec.required("a", ColumnType.INT32),
                        ColumnSpec.required("a", ColumnType.INT64)),
                    Codec.SNAPPY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate column name 'a'");
    assertThatThrownBy(() -> ParquetWriter.Options.defaults().withThreads(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads must be at least 1, got 0");
  }
}
