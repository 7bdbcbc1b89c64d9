package dev.vitrina.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader works on any {@link SeekableByteChannel}, as a non-default {@code java.nio} file
 * system (an object store, a zip) hands out, not only on a {@code FileChannel}: many row groups
 * decoded in parallel through one shared cursor read back exactly what was written.
 */
class ParquetChannelTest {

  @TempDir Path dir;

  @Test
  void readsManyRowGroupsInParallelThroughAPlainSeekableChannel() throws IOException {
    Path file = dir.resolve("t.parquet");
    int groups = 24;
    ColumnData[][] written = new ColumnData[groups][];
    try (ParquetWriter w =
        ParquetWriter.open(
            file,
            TestData.schema(true),
            Codec.ZSTD,
            ParquetWriter.Options.defaults().withPageSizeBytes(512))) {
      for (int g = 0; g < groups; g++) {
        written[g] = TestData.columns(11L * g, 20_000, g, true);
        w.writeRowGroup(written[g]);
      }
    }
    AtomicInteger positions = new AtomicInteger();
    try (ParquetReader viaFile = ParquetReader.open(file);
        ParquetReader viaChannel =
            ParquetReader.open(file, new CursorOnly(Files.newByteChannel(file), positions))) {
      assertThat(viaChannel.numRows()).isEqualTo(20_000L * groups);
      for (ColumnSpec spec : TestData.schema(true)) {
        assertThat(viaChannel.readColumn(spec.name()))
            .as(spec.name())
            .isEqualTo(viaFile.readColumn(spec.name()));
      }
      assertThat(TestData.slice(viaChannel.readColumn("i64"), 20_000, 40_000))
          .isEqualTo(written[1][1]);
    }
    assertThat(positions.get()).as("read through the channel's cursor").isGreaterThan(groups);
  }

  /** A channel that is not a FileChannel: one cursor, no positional reads. */
  private record CursorOnly(SeekableByteChannel in, AtomicInteger positions)
      implements SeekableByteChannel {
    @Override
    public int read(ByteBuffer dst) throws IOException {
      return in.read(dst);
    }

    @Override
    public int write(ByteBuffer src) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long position() throws IOException {
      return in.position();
    }

    @Override
    public SeekableByteChannel position(long p) throws IOException {
      positions.incrementAndGet();
      in.position(p);
      return this;
    }

    @Override
    public long size() throws IOException {
      return in.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isOpen() {
      return in.isOpen();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
