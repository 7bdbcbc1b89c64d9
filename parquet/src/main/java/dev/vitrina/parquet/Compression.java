package dev.vitrina.parquet;

import io.airlift.compress.Compressor;
import io.airlift.compress.Decompressor;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Page compression through aircompressor (Snappy, Zstandard, LZ4 raw) and java.util.zip (GZIP). An
 * instance holds codec state and is used by one thread at a time.
 */
final class Compression {

  private final int codec;
  private Compressor compressor;
  private Decompressor decompressor;

  Compression(int codec) {
    this.codec = codec;
  }

  /** Whether the reader can decompress pages of this Parquet codec id. */
  static boolean canRead(int codec) {
    return codec == Format.UNCOMPRESSED
        || codec == Format.SNAPPY
        || codec == Format.GZIP
        || codec == Format.ZSTD
        || codec == Format.LZ4_RAW;
  }

  /** Appends the compressed form of {@code in[off..off+len)} to {@code out}; returns its length. */
  int compress(byte[] in, int off, int len, ByteSink out) {
    int start = out.size;
    switch (codec) {
      case Format.UNCOMPRESSED -> out.write(in, off, len);
      case Format.SNAPPY, Format.ZSTD -> {
        if (compressor == null) {
          compressor = codec == Format.SNAPPY ? new SnappyCompressor() : new ZstdCompressor();
        }
        int max = compressor.maxCompressedLength(len);
        out.ensure(max);
        out.size += compressor.compress(in, off, len, out.buf, out.size, max);
      }
      case Format.GZIP -> {
        try (GZIPOutputStream gz = new GZIPOutputStream(new SinkStream(out), 1 << 16)) {
          gz.write(in, off, len);
        } catch (IOException e) {
          throw new IllegalStateException("in-memory GZIP compression failed", e);
        }
      }
      default ->
          throw new IllegalArgumentException("cannot write codec " + Format.codecName(codec));
    }
    return out.size - start;
  }

  /**
   * Decompresses {@code in[off..off+len)} into exactly {@code outLen} bytes at {@code out[outOff]}.
   */
  void decompress(byte[] in, int off, int len, byte[] out, int outOff, int outLen) {
    int got;
    try {
      switch (codec) {
        case Format.UNCOMPRESSED -> {
          System.arraycopy(in, off, out, outOff, Math.min(len, outLen));
          got = len;
        }
        case Format.SNAPPY, Format.ZSTD, Format.LZ4_RAW -> {
          if (decompressor == null) {
            decompressor =
                switch (codec) {
                  case Format.SNAPPY -> new SnappyDecompressor();
                  case Format.ZSTD -> new ZstdDecompressor();
                  default -> new Lz4Decompressor();
                };
          }
          got = decompressor.decompress(in, off, len, out, outOff, outLen);
        }
        case Format.GZIP -> {
          try (GZIPInputStream gz =
              new GZIPInputStream(new ByteArrayInputStream(in, off, len), 1 << 16)) {
            got = gz.readNBytes(out, outOff, outLen);
            if (got == outLen && gz.read() >= 0) {
              got++;
            }
          }
        }
        default ->
            throw new CorruptException(
                "unsupported compression codec "
                    + Format.codecName(codec)
                    + "; rewrite the file with SNAPPY, ZSTD, GZIP, LZ4_RAW or no compression");
      }
    } catch (MalformedInputException | IOException | IndexOutOfBoundsException e) {
      throw new CorruptException(
          Format.codecName(codec) + " page does not decompress: " + e.getMessage(), e);
    }
    if (got != outLen) {
      throw new CorruptException(
          Format.codecName(codec)
              + " page decompressed to "
              + got
              + " bytes, the page header says "
              + outLen);
    }
  }

  /** An OutputStream appending to a ByteSink. */
  private static final class SinkStream extends OutputStream {
    private final ByteSink sink;

    SinkStream(ByteSink sink) {
      this.sink = sink;
    }

    @Override
    public void write(int b) {
      sink.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      sink.write(b, off, len);
    }
  }
}
