package dev.vitrina.parquet;

/**
 * Decoder of Parquet's DELTA_BINARY_PACKED encoding: a header (block size, miniblocks per block,
 * value count, zigzag first value), then blocks of a zigzag min delta, one bit width per miniblock
 * and the bit-packed miniblocks. Arithmetic wraps as in the specification.
 */
final class Delta {

  /** Current read position after the last call. */
  int pos;

  private final byte[] buf;
  private final int end;

  Delta(byte[] buf, int pos, int end) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }

  private long uvarint() {
    long v = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      if (pos >= end) {
        throw new CorruptException("DELTA_BINARY_PACKED data ends inside a varint");
      }
      int b = buf[pos++] & 0xFF;
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new CorruptException("malformed varint in DELTA_BINARY_PACKED data");
  }

  private long zigzag() {
    long v = uvarint();
    return (v >>> 1) ^ -(v & 1);
  }

  /** Decodes the next delta-encoded stream of exactly {@code n} values into {@code dst}. */
  void decodeLongs(long[] dst, int off, int n) {
    decode(dst, null, off, n);
  }

  /** Decodes the next delta-encoded stream of exactly {@code n} values into {@code dst}. */
  void decodeInts(int[] dst, int off, int n) {
    decode(null, dst, off, n);
  }

  /** Decodes one stream (header and blocks) of exactly {@code n} values into one of the arrays. */
  private void decode(long[] longs, int[] ints, int off, int n) {
    long blockSize = uvarint();
    long miniBlocks = uvarint();
    long total = uvarint();
    long value = zigzag();
    if (blockSize <= 0 || blockSize % 128 != 0 || miniBlocks <= 0 || blockSize % miniBlocks != 0) {
      throw new CorruptException(
          "bad DELTA_BINARY_PACKED header: block size " + blockSize + ", miniblocks " + miniBlocks);
    }
    int perMini = (int) (blockSize / miniBlocks);
    if (perMini % 8 != 0) {
      throw new CorruptException("bad DELTA_BINARY_PACKED miniblock size " + perMini);
    }
    if (total != n) {
      throw new CorruptException(
          "DELTA_BINARY_PACKED stream holds " + total + " values, expected " + n);
    }
    if (n == 0) {
      return;
    }
    store(longs, ints, off, value);
    int count = 1;
    int mb = (int) miniBlocks;
    while (count < n) {
      long minDelta = zigzag();
      if (end - pos < mb) {
        throw new CorruptException("DELTA_BINARY_PACKED data ends inside a block header");
      }
      int widthsAt = pos;
      pos += mb;
      for (int m = 0; m < mb && count < n; m++) {
        int w = buf[widthsAt + m] & 0xFF;
        if (w > 64) {
          throw new CorruptException("DELTA_BINARY_PACKED bit width " + w + " above 64");
        }
        int bytes = perMini / 8 * w;
        if (end - pos < bytes) {
          throw new CorruptException("DELTA_BINARY_PACKED data ends inside a miniblock");
        }
        int take = Math.min(perMini, n - count);
        long bitPos = (long) pos * 8;
        long mask = w == 64 ? -1L : (1L << w) - 1;
        for (int k = 0; k < take; k++) {
          long d = w == 0 ? 0 : bits(bitPos, w) & mask;
          bitPos += w;
          value += minDelta + d;
          store(longs, ints, off + count, value);
          count++;
        }
        pos += bytes;
      }
    }
  }

  private static void store(long[] longs, int[] ints, int at, long v) {
    if (longs != null) {
      longs[at] = v;
    } else {
      ints[at] = (int) v;
    }
  }

  /** Reads {@code w} (1..64) bits LSB first at bit position {@code bitPos}. */
  private long bits(long bitPos, int w) {
    int i = (int) (bitPos >>> 3);
    int shift = (int) (bitPos & 7);
    long v;
    if (i + 8 <= buf.length) {
      v = ByteSink.getLong(buf, i) >>> shift;
    } else {
      v = 0;
      for (int k = 0; i + k < buf.length && k < 8; k++) {
        v |= (buf[i + k] & 0xFFL) << (8 * k);
      }
      v >>>= shift;
    }
    if (shift + w > 64) {
      int hi = i + 8 < buf.length ? buf[i + 8] & 0xFF : 0;
      v |= (long) hi << (64 - shift);
    }
    return v;
  }
}
