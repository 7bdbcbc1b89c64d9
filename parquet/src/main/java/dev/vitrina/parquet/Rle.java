package dev.vitrina.parquet;

import java.util.Arrays;

/**
 * The Parquet RLE/bit-packing hybrid encoding of small non-negative ints (definition levels,
 * dictionary indices, booleans): runs of {@code (count << 1)} + a value, or {@code (groups << 1) |
 * 1} + groups of 8 values bit-packed LSB first. See parquet-format's Encodings.md.
 */
final class Rle {

  private Rle() {}

  /** Minimum repeat count worth an RLE run inside a bit-packed stretch. */
  private static final int RUN_BREAK = 16;

  /** Number of bits needed for values up to {@code maxValue}; at least 1. */
  static int bitWidth(int maxValue) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(maxValue));
  }

  /** Encodes {@code values[from..to)} with {@code bitWidth} (1..32) into {@code out}. */
  static void encode(int[] values, int from, int to, int bitWidth, ByteSink out) {
    int i = from;
    while (i < to) {
      int v = values[i];
      int r = 1;
      while (i + r < to && values[i + r] == v) {
        r++;
      }
      if (r >= 8) {
        writeRun(out, r, v, bitWidth);
        i += r;
        continue;
      }
      int j = i;
      do {
        j += 8;
      } while (j < to && !runAhead(values, j, to));
      int groups = (j - i) >>> 3;
      out.writeVarLong(((long) groups << 1) | 1);
      pack(values, i, Math.min(j, to), groups * 8, bitWidth, out);
      i = j;
    }
  }

  /** An RLE run of {@code count} copies of {@code value}. */
  static void writeRun(ByteSink out, int count, int value, int bitWidth) {
    out.writeVarLong((long) count << 1);
    for (int b = 0; b < bitWidth; b += 8) {
      out.write(value >>> b);
    }
  }

  private static boolean runAhead(int[] values, int j, int to) {
    if (to - j < RUN_BREAK) {
      return false;
    }
    int v = values[j];
    for (int k = 1; k < RUN_BREAK; k++) {
      if (values[j + k] != v) {
        return false;
      }
    }
    return true;
  }

  private static void pack(int[] values, int from, int to, int count, int bitWidth, ByteSink out) {
    out.ensure(((count * bitWidth + 7) >>> 3) + 8);
    byte[] buf = out.buf;
    int p = out.size;
    long mask = bitWidth == 32 ? 0xFFFFFFFFL : (1L << bitWidth) - 1;
    long acc = 0;
    int bits = 0;
    for (int k = 0; k < count; k++) {
      long v = from + k < to ? values[from + k] & mask : 0;
      acc |= v << bits;
      bits += bitWidth;
      if (bits >= 64) {
        ByteSink.LONG_LE.set(buf, p, acc);
        p += 8;
        bits -= 64;
        acc = bits == 0 ? 0 : v >>> (bitWidth - bits);
      }
    }
    for (; bits > 0; bits -= 8) {
      buf[p++] = (byte) acc;
      acc >>>= 8;
    }
    out.size = p;
  }

  /** Streaming decoder of one hybrid-encoded section; keeps run state between calls. */
  static final class Decoder {
    private byte[] buf;
    private int pos;
    private int end;
    private int bitWidth;
    private long mask;
    private int rleLeft;
    private int rleValue;
    private int packedLeft;
    private long acc;
    private int accBits;

    void reset(byte[] buf, int pos, int end, int bitWidth) {
      if (bitWidth < 0 || bitWidth > 32) {
        throw new CorruptException("RLE/bit-packed bit width " + bitWidth + " outside 0..32");
      }
      this.buf = buf;
      this.pos = pos;
      this.end = end;
      this.bitWidth = bitWidth;
      this.mask = bitWidth == 32 ? 0xFFFFFFFFL : (1L << bitWidth) - 1;
      rleLeft = 0;
      packedLeft = 0;
      acc = 0;
      accBits = 0;
    }

    /** Decodes the next {@code n} values into {@code dst[off..off+n)}. */
    void read(int[] dst, int off, int n) {
      while (n > 0) {
        if (rleLeft == 0 && packedLeft == 0) {
          header();
        }
        if (rleLeft > 0) {
          int k = Math.min(n, rleLeft);
          Arrays.fill(dst, off, off + k, rleValue);
          rleLeft -= k;
          off += k;
          n -= k;
        } else {
          int k = Math.min(n, packedLeft);
          unpack(dst, off, k);
          packedLeft -= k;
          off += k;
          n -= k;
        }
      }
    }

    /** Decodes {@code n} values and returns how many equal 1 (definition levels, max level 1). */
    int readLevels(int[] dst, int off, int n) {
      int ones = 0;
      int start = off;
      read(dst, off, n);
      for (int i = start; i < start + n; i++) {
        int v = dst[i];
        if ((v & ~1) != 0) {
          throw new CorruptException("definition level " + v + " above the maximum 1");
        }
        ones += v;
      }
      return ones;
    }

    private void header() {
      if (pos >= end) {
        throw new CorruptException("RLE/bit-packed data ends before all values were read");
      }
      long h = 0;
      for (int shift = 0; ; shift += 7) {
        if (pos >= end || shift > 35) {
          throw new CorruptException("malformed RLE/bit-packed run header");
        }
        int b = buf[pos++] & 0xFF;
        h |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          break;
        }
      }
      if ((h & 1) == 0) {
        rleLeft = (int) (h >>> 1);
        int v = 0;
        for (int b = 0; b < bitWidth; b += 8) {
          v |= (pos < end ? buf[pos++] & 0xFF : 0) << b;
        }
        rleValue = v;
        if (rleLeft == 0) {
          header();
        }
      } else {
        long count = (h >>> 1) * 8;
        if (count == 0 || count > Integer.MAX_VALUE) {
          throw new CorruptException("bit-packed run of " + count + " values");
        }
        packedLeft = (int) count;
        acc = 0;
        accBits = 0;
      }
    }

    private void unpack(int[] dst, int off, int n) {
      int w = bitWidth;
      if (w == 0) {
        Arrays.fill(dst, off, off + n, 0);
        return;
      }
      byte[] b = buf;
      int e = end;
      long m = mask;
      int k = 0;
      if (accBits == 0) {
        // whole groups of 8 values (w bytes each) with unaligned 8-byte loads
        int p = pos;
        int limit = Math.min(e, b.length - 7);
        while (k + 8 <= n && p + w <= limit) {
          for (int j = 0; j < 8; j++) {
            int bit = j * w;
            dst[off + k + j] = (int) ((ByteSink.getLong(b, p + (bit >>> 3)) >>> (bit & 7)) & m);
          }
          p += w;
          k += 8;
        }
        pos = p;
      }
      long a = acc;
      int bits = accBits;
      int p = pos;
      for (; k < n; k++) {
        while (bits < w) {
          long next = p < e ? b[p] & 0xFFL : 0;
          p++;
          a |= next << bits;
          bits += 8;
        }
        dst[off + k] = (int) (a & m);
        a >>>= w;
        bits -= w;
      }
      acc = a;
      accBits = bits;
      pos = Math.min(p, e);
    }
  }
}
