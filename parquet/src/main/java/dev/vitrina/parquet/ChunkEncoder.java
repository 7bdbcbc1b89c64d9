package dev.vitrina.parquet;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.zip.CRC32;

/**
 * Encodes one column chunk: PLAIN data pages for numbers and booleans, a PLAIN dictionary page plus
 * RLE_DICTIONARY data pages for strings (PLAIN pages when the dictionary would exceed the limit),
 * RLE definition levels for nullable columns, data page v1, each page compressed on its own. Not
 * thread-safe: one encoder per task.
 */
final class ChunkEncoder {

  /**
   * An encoded chunk: {@code bytes[0..length)} are the pages; the first {@code dictionaryLength}
   * bytes are the dictionary page (0 when none). {@code min}/{@code max} are PLAIN-encoded
   * statistics or null.
   */
  record Encoded(
      byte[] bytes,
      int length,
      int dictionaryLength,
      long numValues,
      long totalUncompressed,
      int[] encodings,
      long nullCount,
      byte[] min,
      byte[] max) {}

  private final ColumnSpec spec;
  private final Compression compression;
  private final boolean uncompressed;
  private final int pageSize;
  private final int dictionaryLimit;
  private final CRC32 crc;
  private final ByteSink out;
  private final ByteSink page = new ByteSink(1 << 16);
  private final ByteSink comp;
  private int[] levels = new int[0];
  private long uncompressedTotal;
  private int dictionaryLength;

  ChunkEncoder(
      ColumnSpec spec,
      Codec codec,
      int pageSize,
      int dictionaryLimit,
      boolean checksums,
      int sizeHint) {
    this.spec = spec;
    this.compression = new Compression(codec.thriftId());
    this.uncompressed = codec == Codec.UNCOMPRESSED;
    this.pageSize = pageSize;
    this.dictionaryLimit = dictionaryLimit;
    this.crc = checksums ? new CRC32() : null;
    this.out = new ByteSink(Math.max(1 << 12, sizeHint));
    this.comp = uncompressed ? null : new ByteSink(1 << 16);
  }

  /**
   * Encodes one chunk. The returned {@link Encoded#bytes()} is this encoder's buffer: it stays
   * valid until the next call, which reuses the buffers (pages, compression, chunk) of the previous
   * one.
   */
  Encoded encode(ColumnData data) {
    out.reset();
    uncompressedTotal = 0;
    dictionaryLength = 0;
    return switch (data) {
      case IntColumn c -> encodeInt(c);
      case LongColumn c -> encodeLong(c);
      case FloatColumn c -> encodeFloat(c);
      case DoubleColumn c -> encodeDouble(c);
      case BooleanColumn c -> encodeBoolean(c);
      case StringColumn c -> encodeString(c);
    };
  }

  // ------------------------------------------------------------------ numbers

  private Encoded encodeInt(IntColumn c) {
    int n = c.size();
    int[] v = c.values();
    BitSet nulls = c.nulls();
    boolean anyNull = checkNulls(nulls, n);
    int per = rowsPerPage(4);
    long nullCount = 0;
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int s = 0; s < n; s += per) {
      int e = Math.min(n, s + per);
      int cnt = e - s;
      page.reset();
      int nonNull = anyNull ? levelsFromBitSet(nulls, s, e) : cnt;
      writeLevels(cnt, nonNull);
      if (nonNull == cnt) {
        page.writeInts(v, s, cnt);
        for (int i = s; i < e; i++) {
          min = Math.min(min, v[i]);
          max = Math.max(max, v[i]);
        }
      } else {
        for (int i = s; i < e; i++) {
          if (levels[i - s] != 0) {
            page.writeIntLE(v[i]);
            min = Math.min(min, v[i]);
            max = Math.max(max, v[i]);
          }
        }
      }
      nullCount += cnt - nonNull;
      flushPage(cnt, Format.PLAIN);
    }
    boolean stats = nullCount < n;
    return finish(n, nullCount, stats ? le32(min) : null, stats ? le32(max) : null, false);
  }

  private Encoded encodeLong(LongColumn c) {
    int n = c.size();
    long[] v = c.values();
    BitSet nulls = c.nulls();
    boolean anyNull = checkNulls(nulls, n);
    int per = rowsPerPage(8);
    long nullCount = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int s = 0; s < n; s += per) {
      int e = Math.min(n, s + per);
      int cnt = e - s;
      page.reset();
      int nonNull = anyNull ? levelsFromBitSet(nulls, s, e) : cnt;
      writeLevels(cnt, nonNull);
      if (nonNull == cnt) {
        page.writeLongs(v, s, cnt);
        for (int i = s; i < e; i++) {
          min = Math.min(min, v[i]);
          max = Math.max(max, v[i]);
        }
      } else {
        for (int i = s; i < e; i++) {
          if (levels[i - s] != 0) {
            page.writeLongLE(v[i]);
            min = Math.min(min, v[i]);
            max = Math.max(max, v[i]);
          }
        }
      }
      nullCount += cnt - nonNull;
      flushPage(cnt, Format.PLAIN);
    }
    boolean stats = nullCount < n;
    return finish(n, nullCount, stats ? le64(min) : null, stats ? le64(max) : null, false);
  }

  private Encoded encodeFloat(FloatColumn c) {
    int n = c.size();
    float[] v = c.values();
    boolean nullable = spec.nullable();
    int per = rowsPerPage(4);
    long nullCount = 0;
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (int s = 0; s < n; s += per) {
      int e = Math.min(n, s + per);
      int cnt = e - s;
      page.reset();
      int nonNull = cnt;
      if (nullable) {
        ensureLevels(cnt);
        int[] lv = levels;
        nonNull = 0;
        for (int i = s; i < e; i++) {
          float x = v[i];
          int d = x == x ? 1 : 0;
          lv[i - s] = d;
          nonNull += d;
        }
      }
      writeLevels(cnt, nonNull);
      if (nonNull == cnt) {
        page.writeFloats(v, s, cnt);
      } else if (nonNull > 0) {
        page.ensure(4 * nonNull);
        byte[] b = page.buf;
        int p = page.size;
        for (int i = s; i < e; i++) {
          float x = v[i];
          if (x == x) {
            ByteSink.INT_LE.set(b, p, Float.floatToRawIntBits(x));
            p += 4;
          }
        }
        page.size = p;
      }
      for (int i = s; i < e; i++) {
        float x = v[i];
        min = x < min ? x : min;
        max = x > max ? x : max;
      }
      nullCount += cnt - nonNull;
      flushPage(cnt, Format.PLAIN);
    }
    if (min > max) { // no non-NaN value
      return finish(n, nullCount, null, null, false);
    }
    if (min == 0) {
      min = -0.0f;
    }
    if (max == 0) {
      max = 0.0f;
    }
    return finish(
        n,
        nullCount,
        le32(Float.floatToRawIntBits(min)),
        le32(Float.floatToRawIntBits(max)),
        false);
  }

  private Encoded encodeDouble(DoubleColumn c) {
    int n = c.size();
    double[] v = c.values();
    boolean nullable = spec.nullable();
    int per = rowsPerPage(8);
    long nullCount = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < n; s += per) {
      int e = Math.min(n, s + per);
      int cnt = e - s;
      page.reset();
      int nonNull = cnt;
      if (nullable) {
        ensureLevels(cnt);
        nonNull = 0;
        for (int i = s; i < e; i++) {
          int d = Double.isNaN(v[i]) ? 0 : 1;
          levels[i - s] = d;
          nonNull += d;
        }
      }
      writeLevels(cnt, nonNull);
      if (nonNull == cnt) {
        page.writeDoubles(v, s, cnt);
      } else {
        for (int i = s; i < e; i++) {
          if (levels[i - s] != 0) {
            page.writeLongLE(Double.doubleToRawLongBits(v[i]));
          }
        }
      }
      for (int i = s; i < e; i++) {
        double x = v[i];
        if (x < min) {
          min = x;
        }
        if (x > max) {
          max = x;
        }
      }
      nullCount += cnt - nonNull;
      flushPage(cnt, Format.PLAIN);
    }
    if (min > max) { // no non-NaN value
      return finish(n, nullCount, null, null, false);
    }
    if (min == 0) {
      min = -0.0;
    }
    if (max == 0) {
      max = 0.0;
    }
    return finish(
        n,
        nullCount,
        le64(Double.doubleToRawLongBits(min)),
        le64(Double.doubleToRawLongBits(max)),
        false);
  }

  private Encoded encodeBoolean(BooleanColumn c) {
    int n = c.size();
    boolean[] v = c.values();
    BitSet nulls = c.nulls();
    boolean anyNull = checkNulls(nulls, n);
    int per = rowsPerPage(1) * 8;
    long nullCount = 0;
    for (int s = 0; s < n; s += per) {
      int e = Math.min(n, s + per);
      int cnt = e - s;
      page.reset();
      int nonNull = anyNull ? levelsFromBitSet(nulls, s, e) : cnt;
      writeLevels(cnt, nonNull);
      page.ensure((nonNull + 7) >>> 3);
      byte[] b = page.buf;
      int p = page.size;
      int bits = 0;
      int acc = 0;
      for (int i = s; i < e; i++) {
        if (nonNull != cnt && levels[i - s] == 0) {
          continue;
        }
        if (v[i]) {
          acc |= 1 << bits;
        }
        if (++bits == 8) {
          b[p++] = (byte) acc;
          acc = 0;
          bits = 0;
        }
      }
      if (bits > 0) {
        b[p++] = (byte) acc;
      }
      page.size = p;
      nullCount += cnt - nonNull;
      flushPage(cnt, Format.PLAIN);
    }
    return finish(n, nullCount, null, null, false);
  }

  // ------------------------------------------------------------------ strings

  private Encoded encodeString(StringColumn c) {
    int n = c.size();
    int[] codes = c.codes();
    String[] dict = c.dictionary();
    int[] remap = new int[dict.length];
    java.util.Arrays.fill(remap, -1);
    int used = 0;
    long nullCount = 0;
    for (int i = 0; i < n; i++) {
      int code = codes[i];
      if (code < 0) {
        if (code != -1) {
          throw new IllegalArgumentException(
              "column '"
                  + spec.name()
                  + "' row "
                  + i
                  + " has dictionary code "
                  + code
                  + "; use -1 for null and 0.."
                  + (dict.length - 1)
                  + " for values");
        }
        if (!spec.nullable()) {
          throw requiredNull(i);
        }
        nullCount++;
      } else {
        if (code >= dict.length) {
          throw new IllegalArgumentException(
              "column '"
                  + spec.name()
                  + "' row "
                  + i
                  + " has dictionary code "
                  + code
                  + " but the dictionary has "
                  + dict.length
                  + " entries; codes must be -1 (null) or index the dictionary");
        }
        remap[code] = 0;
      }
    }
    for (int k = 0; k < dict.length; k++) {
      if (remap[k] == 0) {
        remap[k] = used++;
      }
    }
    byte[][] entries = new byte[used][];
    long dictBytes = 0;
    for (int k = 0; k < dict.length; k++) {
      if (remap[k] >= 0) {
        String s = dict[k];
        if (s == null) {
          throw new IllegalArgumentException(
              "column '"
                  + spec.name()
                  + "' has a null dictionary entry at index "
                  + k
                  + "; use code -1 for null rows instead");
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        entries[remap[k]] = b;
        dictBytes += 4L + b.length;
      }
    }
    if (used == 0 || dictBytes > dictionaryLimit) {
      return encodePlainStrings(c, remap, entries, nullCount);
    }
    // dictionary page
    page.reset();
    for (byte[] b : entries) {
      page.writeIntLE(b.length);
      page.write(b);
    }
    flushDictionary(used);
    // data pages
    int width = Rle.bitWidth(used - 1);
    int per = Math.max(8, (int) Math.min(1 << 28, (long) pageSize * 8 / width) & ~7);
    int[] idx = new int[Math.min(per, n)];
    for (int s = 0; s < n; s += per) {
      int e = Math.min(n, s + per);
      int cnt = e - s;
      page.reset();
      int nonNull = cnt;
      if (spec.nullable()) {
        ensureLevels(cnt);
        nonNull = 0;
        for (int i = s; i < e; i++) {
          int d = codes[i] >= 0 ? 1 : 0;
          levels[i - s] = d;
          nonNull += d;
        }
      }
      writeLevels(cnt, nonNull);
      int k = 0;
      for (int i = s; i < e; i++) {
        int code = codes[i];
        if (code >= 0) {
          idx[k++] = remap[code];
        }
      }
      page.write(width);
      Rle.encode(idx, 0, k, width, page);
      flushPage(cnt, Format.RLE_DICTIONARY);
    }
    return finish(n, nullCount, null, null, true);
  }

  private Encoded encodePlainStrings(
      StringColumn c, int[] remap, byte[][] entries, long nullCount) {
    int n = c.size();
    int[] codes = c.codes();
    int s = 0;
    while (s < n) {
      // rows [s, e) until the values reach the page size
      int e = s;
      long bytes = 0;
      while (e < n && (bytes < pageSize || e == s)) {
        int code = codes[e];
        bytes += code >= 0 ? 4 + entries[remap[code]].length : 0;
        e++;
      }
      int cnt = e - s;
      page.reset();
      int nonNull = cnt;
      if (spec.nullable()) {
        ensureLevels(cnt);
        nonNull = 0;
        for (int i = s; i < e; i++) {
          int d = codes[i] >= 0 ? 1 : 0;
          levels[i - s] = d;
          nonNull += d;
        }
      }
      writeLevels(cnt, nonNull);
      for (int i = s; i < e; i++) {
        int code = codes[i];
        if (code >= 0) {
          byte[] b = entries[remap[code]];
          page.writeIntLE(b.length);
          page.write(b);
        }
      }
      flushPage(cnt, Format.PLAIN);
      s = e;
    }
    return finish(n, nullCount, null, null, false);
  }

  // ------------------------------------------------------------------ pages

  private int rowsPerPage(int bytesPerValue) {
    return Math.max(8, (pageSize / bytesPerValue) & ~7);
  }

  private boolean checkNulls(BitSet nulls, int n) {
    boolean any = Columns.anyNull(nulls, n);
    if (any && !spec.nullable()) {
      throw requiredNull(nulls.nextSetBit(0));
    }
    return any;
  }

  private IllegalArgumentException requiredNull(int row) {
    return new IllegalArgumentException(
        "column '"
            + spec.name()
            + "' is declared non-nullable but row "
            + row
            + " of the row group is null; declare it nullable (ColumnSpec.optional) or fill the"
            + " nulls");
  }

  private void ensureLevels(int n) {
    if (levels.length < n) {
      levels = new int[n];
    }
  }

  /** Fills {@link #levels} for rows {@code [s, e)}; returns the non-null count. */
  private int levelsFromBitSet(BitSet nulls, int s, int e) {
    int cnt = e - s;
    ensureLevels(cnt);
    java.util.Arrays.fill(levels, 0, cnt, 1);
    int nonNull = cnt;
    for (int i = nulls.nextSetBit(s); i >= 0 && i < e; i = nulls.nextSetBit(i + 1)) {
      levels[i - s] = 0;
      nonNull--;
    }
    return nonNull;
  }

  /** Writes the length-prefixed RLE definition levels when the column is nullable. */
  private void writeLevels(int cnt, int nonNull) {
    if (!spec.nullable()) {
      return;
    }
    int at = page.size;
    page.writeIntLE(0);
    if (nonNull == cnt) {
      Rle.writeRun(page, cnt, 1, 1);
    } else if (nonNull == 0) {
      Rle.writeRun(page, cnt, 0, 1);
    } else {
      Rle.encode(levels, 0, cnt, 1, page);
    }
    page.putIntLE(at, page.size - at - 4);
  }

  private void flushPage(int numValues, int encoding) {
    int headerStart = out.size;
    int compLen = compressPage();
    ThriftWriter w = new ThriftWriter(out);
    w.i32(1, Format.DATA_PAGE);
    w.i32(2, page.size);
    w.i32(3, compLen);
    writeCrc(w, compLen);
    w.beginStruct(5);
    w.i32(1, numValues);
    w.i32(2, encoding);
    w.i32(3, Format.RLE);
    w.i32(4, Format.RLE);
    w.endStruct();
    w.stop();
    appendBody(compLen);
    uncompressedTotal += (out.size - headerStart - compLen) + page.size;
  }

  private void flushDictionary(int numValues) {
    int headerStart = out.size;
    int compLen = compressPage();
    ThriftWriter w = new ThriftWriter(out);
    w.i32(1, Format.DICTIONARY_PAGE);
    w.i32(2, page.size);
    w.i32(3, compLen);
    writeCrc(w, compLen);
    w.beginStruct(7);
    w.i32(1, numValues);
    w.i32(2, Format.PLAIN);
    w.endStruct();
    w.stop();
    appendBody(compLen);
    uncompressedTotal += (out.size - headerStart - compLen) + page.size;
    dictionaryLength = out.size;
  }

  /** Writes PageHeader.crc: the CRC32 of the page body as it is about to be stored. */
  private void writeCrc(ThriftWriter w, int compLen) {
    if (crc == null) {
      return;
    }
    crc.reset();
    if (uncompressed) {
      crc.update(page.buf, 0, page.size);
    } else {
      crc.update(comp.buf, 0, compLen);
    }
    w.i32(4, (int) crc.getValue());
  }

  private int compressPage() {
    if (uncompressed) {
      return page.size;
    }
    comp.reset();
    return compression.compress(page.buf, 0, page.size, comp);
  }

  private void appendBody(int compLen) {
    if (uncompressed) {
      out.write(page.buf, 0, page.size);
    } else {
      out.write(comp.buf, 0, compLen);
    }
  }

  private Encoded finish(int n, long nullCount, byte[] min, byte[] max, boolean dictionary) {
    int[] encodings;
    if (dictionary) {
      encodings =
          spec.nullable()
              ? new int[] {Format.PLAIN, Format.RLE, Format.RLE_DICTIONARY}
              : new int[] {Format.PLAIN, Format.RLE_DICTIONARY};
    } else {
      encodings = spec.nullable() ? new int[] {Format.PLAIN, Format.RLE} : new int[] {Format.PLAIN};
    }
    return new Encoded(
        out.buf, out.size, dictionaryLength, n, uncompressedTotal, encodings, nullCount, min, max);
  }

  private static byte[] le32(int v) {
    return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
  }

  private static byte[] le64(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >>> (8 * i));
    }
    return b;
  }
}
