package dev.vitrina.parquet;

/** Page compression codecs the writer can produce. The reader also understands LZ4_RAW. */
public enum Codec {
  /** No compression. */
  UNCOMPRESSED(0),
  /** Snappy raw blocks: fast, moderate ratio (the common default). */
  SNAPPY(1),
  /** Zstandard frames: better ratio, slower to write. */
  ZSTD(6),
  /** GZIP (deflate): slowest, for compatibility only. */
  GZIP(2);

  private final int thriftId;

  Codec(int thriftId) {
    this.thriftId = thriftId;
  }

  /** The Parquet {@code CompressionCodec} enum value. */
  int thriftId() {
    return thriftId;
  }
}
