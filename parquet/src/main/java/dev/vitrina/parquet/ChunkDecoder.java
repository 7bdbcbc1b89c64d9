package dev.vitrina.parquet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Decodes the pages of one column chunk straight into primitive target arrays: dictionary pages,
 * data pages v1 and v2, PLAIN, PLAIN_DICTIONARY/RLE_DICTIONARY, RLE (booleans),
 * DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT; INT96
 * timestamps decode to epoch milliseconds. A page whose header carries a CRC32 is checked against
 * its bytes as stored (after the header, before decompression) before it is decoded. Non-null
 * values are decoded compactly and then spread over the rows from the back, so null handling costs
 * one pass. One instance per thread; set the target array, then call {@link #decode}.
 */
final class ChunkDecoder {

  private final ColumnInfo col;
  private final int physical;
  private final boolean nullable;
  private final boolean decimal;
  private final int codec;
  private final Compression compression;
  private final Rle.Decoder rle = new Rle.Decoder();
  private final Footer.PageHeader header = new Footer.PageHeader();
  private final CRC32 crc = new CRC32();

  // targets (one is set, by physical type)
  int[] ints;
  long[] longs;
  float[] floats;
  double[] doubles;
  boolean[] bools;

  /** Local dictionary of a string column; codes go to {@link #ints}. */
  final StringDict strings;

  /**
   * Null rows of the last chunk as a bitmap relative to its first row (bit {@code r & 63} of word
   * {@code r >>> 6}); null when there are none or the target type encodes nulls in its values
   * (float and double NaN, string code -1).
   */
  long[] nulls;

  private boolean trackNulls;
  private int chunkRows;

  // dictionary of the current chunk
  private int dictSize = -1;
  private int[] dictInts;
  private long[] dictLongs;
  private float[] dictFloats;
  private double[] dictDoubles;

  // scratch
  private byte[] pageBuf = new byte[0];
  private int[] defs = new int[0];
  private int[] idx = new int[0];
  private int[] lens = new int[0];
  private int[] lens2 = new int[0];
  private byte[] value = new byte[64];

  /** Where the current page is, for messages. */
  int pageIndex;

  ChunkDecoder(ColumnInfo col, int codec) {
    this.col = col;
    this.physical = col.physical();
    this.nullable = col.spec().nullable();
    this.decimal = col.conversion() == ColumnInfo.Conversion.DECIMAL;
    this.codec = codec;
    this.compression = new Compression(codec);
    this.strings = col.spec().type() == ColumnType.STRING ? new StringDict() : null;
  }

  /**
   * Decodes a chunk of {@code rows} rows from {@code chunk[0..len)} into the target array at {@code
   * base}.
   */
  void decode(byte[] chunk, int len, int rows, int base) {
    nulls = null;
    chunkRows = rows;
    trackNulls = (ints != null && strings == null) || longs != null || bools != null;
    dictSize = -1;
    pageIndex = -1;
    int pos = 0;
    int done = 0;
    while (done < rows) {
      pageIndex++;
      if (pos >= len) {
        throw new CorruptException(
            "column chunk ends after " + done + " of " + rows + " rows (file truncated?)");
      }
      pos = header.parse(chunk, pos, len);
      int bodyStart = pos;
      int compressed = header.compressedSize;
      if (compressed > len - pos) {
        throw new CorruptException(
            "page of " + compressed + " bytes runs past the end of the column chunk");
      }
      pos += compressed;
      if (header.hasCrc) {
        checkCrc(chunk, bodyStart, compressed);
      }
      switch (header.type) {
        case Format.DICTIONARY_PAGE -> {
          byte[] b = pageBytes(chunk, bodyStart, compressed, header.uncompressedSize);
          int start = b == chunk ? bodyStart : 0;
          readDictionary(b, start, start + header.uncompressedSize, header.numValues);
        }
        case Format.DATA_PAGE -> {
          checkRows(done, rows);
          byte[] b = pageBytes(chunk, bodyStart, compressed, header.uncompressedSize);
          int p = b == chunk ? bodyStart : 0;
          int end = p + header.uncompressedSize;
          int n = header.numValues;
          int nonNull = n;
          if (nullable) {
            if (header.defEncoding != Format.RLE) {
              throw unsupportedEncoding(header.defEncoding, "definition levels");
            }
            if (end - p < 4) {
              throw new CorruptException("data page too short for its definition levels");
            }
            int defLen = ByteSink.getInt(b, p);
            p += 4;
            if (defLen < 0 || defLen > end - p) {
              throw new CorruptException("definition levels length " + defLen + " out of range");
            }
            nonNull = levels(b, p, p + defLen, n);
            p += defLen;
          }
          values(header.encoding, b, p, end, nonNull, base + done);
          spread(base + done, n, nonNull, done);
          done += n;
        }
        case Format.DATA_PAGE_V2 -> {
          checkRows(done, rows);
          int n = header.numValues;
          int levelsLen = header.repLength + header.defLength;
          if (header.repLength < 0 || header.defLength < 0 || levelsLen > compressed) {
            throw new CorruptException("v2 page level lengths out of range");
          }
          int nonNull = n;
          if (nullable) {
            int d = bodyStart + header.repLength;
            nonNull = levels(chunk, d, d + header.defLength, n);
          }
          int valuesLen = compressed - levelsLen;
          int valuesRaw = header.uncompressedSize - levelsLen;
          byte[] b;
          int p;
          if (header.v2Compressed && valuesLen > 0) {
            b = pageBytes(chunk, bodyStart + levelsLen, valuesLen, valuesRaw);
            p = b == chunk ? bodyStart + levelsLen : 0;
          } else {
            b = chunk;
            p = bodyStart + levelsLen;
            valuesRaw = valuesLen;
          }
          values(header.encoding, b, p, p + valuesRaw, nonNull, base + done);
          spread(base + done, n, nonNull, done);
          done += n;
        }
        default -> {
          // index pages and unknown page types carry no values
        }
      }
    }
  }

  private void checkCrc(byte[] chunk, int off, int len) {
    crc.reset();
    crc.update(chunk, off, len);
    int actual = (int) crc.getValue();
    if (actual != header.crc) {
      throw new CorruptException(
          "page checksum mismatch: the page header's CRC32 is "
              + hex(header.crc)
              + " but the "
              + len
              + " stored page bytes give "
              + hex(actual)
              + "; the file is damaged, copy or export it again");
    }
  }

  private static String hex(int v) {
    return String.format("%08x", v);
  }

  private void checkRows(int done, int rows) {
    if (header.numValues < 0 || header.numValues > rows - done) {
      throw new CorruptException(
          "data page holds "
              + header.numValues
              + " values but only "
              + (rows - done)
              + " rows of the row group remain");
    }
  }

  /** The uncompressed page body: the chunk itself when uncompressed, else {@link #pageBuf}. */
  private byte[] pageBytes(byte[] chunk, int off, int len, int rawLen) {
    if (codec == Format.UNCOMPRESSED) {
      if (rawLen != len) {
        throw new CorruptException(
            "uncompressed page has "
                + len
                + " bytes but its header says "
                + rawLen
                + " when uncompressed");
      }
      return chunk;
    }
    if (rawLen < 0) {
      throw new CorruptException("negative uncompressed page size " + rawLen);
    }
    if (pageBuf.length < rawLen) {
      pageBuf = new byte[Math.max(rawLen, pageBuf.length + (pageBuf.length >> 1))];
    }
    if (rawLen > 0) {
      compression.decompress(chunk, off, len, pageBuf, 0, rawLen);
    }
    return pageBuf;
  }

  // ------------------------------------------------------------------ levels and nulls

  /** Decodes max-level-1 definition levels into {@link #defs}; returns the non-null count. */
  private int levels(byte[] b, int p, int end, int n) {
    if (defs.length < n) {
      defs = new int[Math.max(n, defs.length + (defs.length >> 1))];
    }
    rle.reset(b, p, end, 1);
    return rle.readLevels(defs, 0, n);
  }

  /** Spreads {@code nonNull} compact values at {@code at} over {@code n} rows using the levels. */
  private void spread(int at, int n, int nonNull, int rel) {
    if (nonNull == n) {
      return;
    }
    int[] d = defs;
    int j = at + nonNull - 1;
    int end = at + n - 1;
    if (ints != null) {
      int fill = strings != null ? -1 : 0;
      for (int i = end; i >= at; i--) {
        ints[i] = d[i - at] != 0 ? ints[j--] : fill;
      }
    } else if (longs != null) {
      for (int i = end; i >= at; i--) {
        longs[i] = d[i - at] != 0 ? longs[j--] : 0L;
      }
    } else if (doubles != null) {
      for (int i = end; i >= at; i--) {
        doubles[i] = d[i - at] != 0 ? doubles[j--] : Double.NaN;
      }
    } else if (floats != null) {
      for (int i = end; i >= at; i--) {
        floats[i] = d[i - at] != 0 ? floats[j--] : Float.NaN;
      }
    } else {
      for (int i = end; i >= at; i--) {
        bools[i] = d[i - at] != 0 && bools[j--];
      }
    }
    if (!trackNulls) {
      return;
    }
    if (nulls == null) {
      nulls = new long[(chunkRows + 63) >>> 6];
    }
    long[] words = nulls;
    for (int i = 0; i < n; i++) {
      int r = rel + i;
      words[r >>> 6] |= (long) (d[i] ^ 1) << r;
    }
  }

  // ------------------------------------------------------------------ dictionary

  private void readDictionary(byte[] b, int p, int end, int n) {
    if (header.encoding != Format.PLAIN && header.encoding != Format.PLAIN_DICTIONARY) {
      throw unsupportedEncoding(header.encoding, "the dictionary page");
    }
    if (n < 0) {
      throw new CorruptException("dictionary page with " + n + " values");
    }
    switch (physical) {
      case Format.INT32 -> {
        dictInts = new int[n];
        plainInts(b, p, end, n, dictInts, 0);
      }
      case Format.INT64 -> {
        dictLongs = new long[n];
        plainLongs(b, p, end, n, dictLongs, 0);
      }
      case Format.INT96 -> {
        dictLongs = new long[n];
        int96Millis(b, p, end, n, dictLongs, 0);
      }
      case Format.FLOAT -> {
        dictFloats = new float[n];
        need(b, p, end, (long) n * 4);
        ByteBuffer.wrap(b, p, n * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(dictFloats);
      }
      case Format.DOUBLE -> {
        dictDoubles = new double[n];
        need(b, p, end, (long) n * 8);
        ByteBuffer.wrap(b, p, n * 8)
            .order(ByteOrder.LITTLE_ENDIAN)
            .asDoubleBuffer()
            .get(dictDoubles);
      }
      case Format.BYTE_ARRAY, Format.FIXED_LEN_BYTE_ARRAY -> {
        if (decimal) {
          dictDoubles = new double[n];
        } else {
          dictInts = new int[n];
        }
        binaries(Format.PLAIN, b, p, end, n, decimal ? dictDoubles : null, dictInts, 0);
      }
      default -> throw new CorruptException("dictionary page for a " + Format.typeName(physical));
    }
    dictSize = n;
  }

  /** Dictionary indices of {@code n} values: a bit-width byte, then RLE/bit-packed data. */
  private int[] indices(byte[] b, int p, int end, int n) {
    if (dictSize < 0) {
      throw new CorruptException("dictionary-encoded data page without a dictionary page");
    }
    if (idx.length < n) {
      idx = new int[Math.max(n, idx.length + (idx.length >> 1))];
    }
    if (n == 0) {
      return idx;
    }
    if (p >= end) {
      throw new CorruptException("dictionary-encoded page without index data");
    }
    rle.reset(b, p + 1, end, b[p] & 0xFF);
    rle.read(idx, 0, n);
    int size = dictSize;
    for (int k = 0; k < n; k++) {
      if (Integer.compareUnsigned(idx[k], size) >= 0) {
        throw new CorruptException("dictionary index " + idx[k] + " out of range 0.." + (size - 1));
      }
    }
    return idx;
  }

  // ------------------------------------------------------------------ values

  private void values(int enc, byte[] b, int p, int end, int n, int at) {
    if (enc == Format.PLAIN_DICTIONARY || enc == Format.RLE_DICTIONARY) {
      int[] ix = indices(b, p, end, n);
      switch (physical) {
        case Format.INT32 -> {
          int[] d = dictInts;
          for (int k = 0; k < n; k++) {
            ints[at + k] = d[ix[k]];
          }
        }
        case Format.INT64, Format.INT96 -> {
          long[] d = dictLongs;
          for (int k = 0; k < n; k++) {
            longs[at + k] = d[ix[k]];
          }
        }
        case Format.FLOAT -> {
          float[] d = dictFloats;
          for (int k = 0; k < n; k++) {
            floats[at + k] = d[ix[k]];
          }
        }
        case Format.DOUBLE -> {
          double[] d = dictDoubles;
          for (int k = 0; k < n; k++) {
            doubles[at + k] = d[ix[k]];
          }
        }
        case Format.BYTE_ARRAY, Format.FIXED_LEN_BYTE_ARRAY -> {
          if (decimal) {
            double[] d = dictDoubles;
            for (int k = 0; k < n; k++) {
              doubles[at + k] = d[ix[k]];
            }
          } else {
            int[] d = dictInts;
            for (int k = 0; k < n; k++) {
              ints[at + k] = d[ix[k]];
            }
          }
        }
        default -> throw unsupportedEncoding(enc, "data");
      }
      return;
    }
    switch (physical) {
      case Format.INT32 -> {
        switch (enc) {
          case Format.PLAIN -> plainInts(b, p, end, n, ints, at);
          case Format.DELTA_BINARY_PACKED -> new Delta(b, p, end).decodeInts(ints, at, n);
          case Format.BYTE_STREAM_SPLIT -> {
            need(b, p, end, (long) n * 4);
            for (int k = 0; k < n; k++) {
              ints[at + k] =
                  (b[p + k] & 0xFF)
                      | (b[p + n + k] & 0xFF) << 8
                      | (b[p + 2 * n + k] & 0xFF) << 16
                      | (b[p + 3 * n + k] & 0xFF) << 24;
            }
          }
          default -> throw unsupportedEncoding(enc, "data");
        }
      }
      case Format.INT64 -> {
        switch (enc) {
          case Format.PLAIN -> plainLongs(b, p, end, n, longs, at);
          case Format.DELTA_BINARY_PACKED -> new Delta(b, p, end).decodeLongs(longs, at, n);
          case Format.BYTE_STREAM_SPLIT -> {
            need(b, p, end, (long) n * 8);
            for (int k = 0; k < n; k++) {
              longs[at + k] = splitLong(b, p, n, k);
            }
          }
          default -> throw unsupportedEncoding(enc, "data");
        }
      }
      case Format.INT96 -> {
        if (enc != Format.PLAIN) {
          throw unsupportedEncoding(enc, "data");
        }
        int96Millis(b, p, end, n, longs, at);
      }
      case Format.FLOAT -> {
        switch (enc) {
          case Format.PLAIN -> {
            need(b, p, end, (long) n * 4);
            ByteBuffer.wrap(b, p, n * 4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer()
                .get(floats, at, n);
          }
          case Format.BYTE_STREAM_SPLIT -> {
            need(b, p, end, (long) n * 4);
            for (int k = 0; k < n; k++) {
              int bits =
                  (b[p + k] & 0xFF)
                      | (b[p + n + k] & 0xFF) << 8
                      | (b[p + 2 * n + k] & 0xFF) << 16
                      | (b[p + 3 * n + k] & 0xFF) << 24;
              floats[at + k] = Float.intBitsToFloat(bits);
            }
          }
          default -> throw unsupportedEncoding(enc, "data");
        }
      }
      case Format.DOUBLE -> {
        switch (enc) {
          case Format.PLAIN -> {
            need(b, p, end, (long) n * 8);
            ByteBuffer.wrap(b, p, n * 8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .asDoubleBuffer()
                .get(doubles, at, n);
          }
          case Format.BYTE_STREAM_SPLIT -> {
            need(b, p, end, (long) n * 8);
            for (int k = 0; k < n; k++) {
              doubles[at + k] = Double.longBitsToDouble(splitLong(b, p, n, k));
            }
          }
          default -> throw unsupportedEncoding(enc, "data");
        }
      }
      case Format.BOOLEAN -> {
        switch (enc) {
          case Format.PLAIN -> {
            need(b, p, end, ((long) n + 7) / 8);
            for (int k = 0; k < n; k++) {
              bools[at + k] = ((b[p + (k >>> 3)] >>> (k & 7)) & 1) != 0;
            }
          }
          case Format.RLE -> {
            need(b, p, end, 4);
            int len = ByteSink.getInt(b, p);
            if (len < 0 || len > end - p - 4) {
              throw new CorruptException("RLE boolean data length " + len + " out of range");
            }
            if (idx.length < n) {
              idx = new int[Math.max(n, idx.length + (idx.length >> 1))];
            }
            rle.reset(b, p + 4, p + 4 + len, 1);
            rle.read(idx, 0, n);
            for (int k = 0; k < n; k++) {
              bools[at + k] = idx[k] != 0;
            }
          }
          default -> throw unsupportedEncoding(enc, "data");
        }
      }
      case Format.BYTE_ARRAY, Format.FIXED_LEN_BYTE_ARRAY ->
          binaries(enc, b, p, end, n, decimal ? doubles : null, decimal ? null : ints, at);
      default -> throw unsupportedEncoding(enc, "data");
    }
  }

  /** Julian day number of 1970-01-01. */
  static final long JULIAN_EPOCH_DAY = 2_440_588L;

  /**
   * Decodes {@code n} INT96 timestamps (8 bytes little-endian nanoseconds of the day, then 4 bytes
   * little-endian Julian day number) to epoch milliseconds, rounding down.
   */
  static void int96Millis(byte[] b, int p, int end, int n, long[] dst, int at) {
    need(b, p, end, (long) n * 12);
    for (int k = 0; k < n; k++) {
      int q = p + 12 * k;
      long nanos = ByteSink.getLong(b, q);
      long julian = ByteSink.getInt(b, q + 8);
      dst[at + k] = (julian - JULIAN_EPOCH_DAY) * 86_400_000L + Math.floorDiv(nanos, 1_000_000L);
    }
  }

  private static long splitLong(byte[] b, int p, int n, int k) {
    long v = 0;
    for (int s = 0; s < 8; s++) {
      v |= (b[p + s * n + k] & 0xFFL) << (8 * s);
    }
    return v;
  }

  private static void need(byte[] b, int p, int end, long bytes) {
    if (bytes > end - p || end > b.length) {
      throw new CorruptException(
          "page holds " + (end - p) + " value bytes but " + bytes + " are needed");
    }
  }

  private static void plainInts(byte[] b, int p, int end, int n, int[] dst, int at) {
    need(b, p, end, (long) n * 4);
    ByteBuffer.wrap(b, p, n * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(dst, at, n);
  }

  private static void plainLongs(byte[] b, int p, int end, int n, long[] dst, int at) {
    need(b, p, end, (long) n * 8);
    ByteBuffer.wrap(b, p, n * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(dst, at, n);
  }

  /**
   * Decodes {@code n} byte-array values: strings into dictionary codes ({@code codes}), decimals
   * into doubles ({@code dbl}).
   */
  private void binaries(
      int enc, byte[] b, int p, int end, int n, double[] dbl, int[] codes, int at) {
    int fixed = physical == Format.FIXED_LEN_BYTE_ARRAY ? col.typeLength() : -1;
    switch (enc) {
      case Format.PLAIN -> {
        if (fixed >= 0) {
          need(b, p, end, (long) n * fixed);
          for (int k = 0; k < n; k++) {
            emit(b, p + k * fixed, fixed, dbl, codes, at + k);
          }
        } else {
          for (int k = 0; k < n; k++) {
            if (end - p < 4) {
              throw new CorruptException("PLAIN byte array value " + k + " runs past the page");
            }
            int len = ByteSink.getInt(b, p);
            p += 4;
            if (len < 0 || len > end - p) {
              throw new CorruptException("PLAIN byte array length " + len + " out of range");
            }
            emit(b, p, len, dbl, codes, at + k);
            p += len;
          }
        }
      }
      case Format.DELTA_LENGTH_BYTE_ARRAY -> {
        if (lens.length < n) {
          lens = new int[n];
        }
        Delta d = new Delta(b, p, end);
        d.decodeInts(lens, 0, n);
        int q = d.pos;
        for (int k = 0; k < n; k++) {
          int len = lens[k];
          if (len < 0 || len > end - q) {
            throw new CorruptException("DELTA_LENGTH_BYTE_ARRAY length " + len + " out of range");
          }
          emit(b, q, len, dbl, codes, at + k);
          q += len;
        }
      }
      case Format.DELTA_BYTE_ARRAY -> {
        if (lens.length < n) {
          lens = new int[n];
        }
        if (lens2.length < n) { // grown separately: a DELTA_LENGTH page may have grown lens alone
          lens2 = new int[n];
        }
        Delta d = new Delta(b, p, end);
        d.decodeInts(lens, 0, n);
        d.decodeInts(lens2, 0, n);
        int q = d.pos;
        int prevLen = 0;
        for (int k = 0; k < n; k++) {
          int prefix = lens[k];
          int suffix = lens2[k];
          if (prefix < 0 || prefix > prevLen || suffix < 0 || suffix > end - q) {
            throw new CorruptException(
                "DELTA_BYTE_ARRAY prefix " + prefix + " / suffix " + suffix + " out of range");
          }
          int len = prefix + suffix;
          if (value.length < len) {
            value = Arrays.copyOf(value, Math.max(len, value.length * 2));
          }
          System.arraycopy(b, q, value, prefix, suffix);
          q += suffix;
          emit(value, 0, len, dbl, codes, at + k);
          prevLen = len;
        }
      }
      default -> throw unsupportedEncoding(enc, "data");
    }
  }

  private void emit(byte[] b, int off, int len, double[] dbl, int[] codes, int at) {
    if (dbl != null) {
      dbl[at] = decimal(b, off, len, col.scale());
    } else if (codes == dictInts) {
      codes[at] = strings.append(b, off, len);
    } else {
      codes[at] = strings.add(b, off, len);
    }
  }

  private static final double[] POW10 = new double[23];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  /** A big-endian two's complement unscaled decimal as the nearest double. */
  static double decimal(byte[] b, int off, int len, int scale) {
    if (len == 0) {
      return 0;
    }
    if (len <= 8) {
      long v = b[off]; // sign-extended
      for (int i = 1; i < len; i++) {
        v = (v << 8) | (b[off + i] & 0xFF);
      }
      return scaled(v, scale);
    }
    return new BigDecimal(new BigInteger(b, off, len), scale).doubleValue();
  }

  /** {@code unscaled / 10^scale}, exact when both fit a double's mantissa. */
  static double scaled(long unscaled, int scale) {
    if (scale >= 0 && scale < POW10.length && Math.abs(unscaled) < (1L << 53)) {
      return unscaled / POW10[scale];
    }
    return BigDecimal.valueOf(unscaled, scale).doubleValue();
  }

  private CorruptException unsupportedEncoding(int enc, String where) {
    return new UnsupportedException(
        "unsupported encoding "
            + Format.encodingName(enc)
            + " for "
            + where
            + " of a "
            + Format.typeName(physical)
            + " column; rewrite the file with PLAIN or dictionary encoding (e.g. pyarrow"
            + " use_dictionary=True, column_encoding unset; DuckDB COPY ... (FORMAT parquet))");
  }

  /** A valid file using a feature vitrina does not read. */
  static final class UnsupportedException extends CorruptException {
    UnsupportedException(String message) {
      super(message);
    }
  }
}
