package dev.vitrina.parquet;

import dev.vitrina.core.storage.InputFiles;
import dev.vitrina.core.validate.InvalidFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Reads flat Parquet files written by vitrina, DuckDB, polars and pyarrow (tested) or other
 * parquet-format writers, one column at a time, decoding pages straight into primitive arrays.
 *
 * <p>Supported: physical types BOOLEAN, INT32, INT64, INT96 (timestamps), FLOAT, DOUBLE, BYTE_ARRAY
 * and FIXED_LEN_BYTE_ARRAY (decimals); logical types STRING/UTF8/ENUM/JSON (and unannotated
 * BYTE_ARRAY) as {@link ColumnType#STRING}, DATE, INT(8/16/32/64, signed or unsigned; unsigned
 * 32-bit widens to INT64, unsigned 64-bit keeps its two's complement bits), TIMESTAMP in
 * MILLIS/MICROS/NANOS and INT96 as {@link ColumnType#TIMESTAMP_MILLIS} (floor to milliseconds; the
 * stored number as is, so instants are UTC epoch milliseconds and local timestamps their wall clock
 * read as UTC), DECIMAL as {@link ColumnType#DOUBLE} (nearest double); required and optional
 * columns; data pages v1 and v2; PLAIN, PLAIN_DICTIONARY/RLE_DICTIONARY, RLE booleans,
 * DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT; codecs
 * UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW. Page checksums (the page header's CRC32), where a
 * writer stored them, are verified. Unsupported (clear error naming the column and its Parquet
 * type): nested and repeated fields, FIXED_LEN_BYTE_ARRAY other than DECIMAL, BSON, the Hadoop
 * LZ4/LZO/BROTLI codecs, encryption, external column chunk files.
 *
 * <p>Dates: {@link #readDays} turns DATE and timestamp columns into calendar days; see {@link
 * #dateZone} for the zone whose calendar a timestamp column is read in.
 *
 * <p>Row groups of a column are decoded in parallel on the common fork-join pool. Strings of all
 * row groups are merged into one dictionary in first-seen order. The reader is thread-safe: columns
 * may be read concurrently. Memory: a whole-file read holds the result plus one compressed chunk
 * and one page buffer per worker.
 */
public final class ParquetReader implements AutoCloseable {

  private static final int READ_SLICE = 8 << 20;
  private static final long PARALLEL_MIN_ROWS = 1 << 16;

  private final Path path;
  private final SeekableByteChannel channel;
  private final long dataEnd;
  private final Footer.FileMeta meta;
  private final Map<String, ColumnInfo> columns = new LinkedHashMap<>();
  private final List<ColumnSpec> schema;
  private final Map<String, TimeZones.Zone> zones;

  private ParquetReader(
      Path path, SeekableByteChannel channel, long dataEnd, Footer.FileMeta meta) {
    this.path = path;
    this.channel = channel;
    this.dataEnd = dataEnd;
    this.meta = meta;
    List<ColumnSpec> specs = new ArrayList<>();
    boolean instants = false;
    for (ColumnInfo c : ColumnInfo.resolve(meta.schema())) {
      if (columns.putIfAbsent(c.name(), c) == null && c.spec() != null) {
        specs.add(c.spec());
        instants |= c.instant();
      }
    }
    this.schema = List.copyOf(specs);
    this.zones = instants ? TimeZones.of(meta.keyValues()) : Map.of();
  }

  /**
   * Opens a file and parses its footer.
   *
   * @throws IOException "not a Parquet file: PATH (missing PAR1 magic ...)" for other files or
   *     truncated ones, "corrupt Parquet footer in PATH: ..." for a damaged footer
   */
  public static ParquetReader open(Path path) throws IOException {
    Objects.requireNonNull(path, "path");
    // any java.nio file system (a zip, an in-memory or an object-store provider), not only the
    // default one
    SeekableByteChannel ch =
        Files.newByteChannel(InputFiles.requireFile(path, "Parquet"), StandardOpenOption.READ);
    return open(path, ch);
  }

  /**
   * Reads the footer from an open channel; the reader owns {@code ch} and closes it (also when
   * opening fails). {@code path} names the file in messages.
   */
  static ParquetReader open(Path path, SeekableByteChannel ch) throws IOException {
    try {
      long size = ch.size();
      if (size < 12) {
        throw new InvalidFileException(
            "not a Parquet file: "
                + path
                + " (missing PAR1 magic: only "
                + size
                + " bytes; the file is empty or truncated)");
      }
      byte[] head = new byte[4];
      readFully(ch, head, 0, 4, 0);
      if (!isMagic(head, 0)) {
        String why =
            head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == 'E'
                ? "it is an encrypted Parquet file (PARE magic), which vitrina does not read"
                : "missing PAR1 magic at the start";
        throw new InvalidFileException("not a Parquet file: " + path + " (" + why + ")");
      }
      byte[] tail = new byte[8];
      readFully(ch, tail, 0, 8, size - 8);
      if (!isMagic(tail, 4)) {
        throw new InvalidFileException(
            "not a Parquet file: "
                + path
                + " (missing PAR1 magic at the end; the file is truncated or still being"
                + " written)");
      }
      int footerLen = ByteSink.getInt(tail, 0);
      if (footerLen <= 0 || footerLen > size - 12) {
        throw new InvalidFileException(
            "corrupt Parquet footer in "
                + path
                + ": footer length "
                + footerLen
                + " does not fit in the "
                + size
                + "-byte file (truncated or overwritten?)");
      }
      long footerStart = size - 8 - footerLen;
      byte[] footer = new byte[footerLen];
      readFully(ch, footer, 0, footerLen, footerStart);
      Footer.FileMeta meta;
      try {
        meta = Footer.parse(footer, 0, footerLen);
      } catch (CorruptException e) {
        throw new InvalidFileException(
            "corrupt Parquet footer in " + path + ": " + e.getMessage(), e);
      }
      if (meta.encrypted()) {
        throw new InvalidFileException(
            "cannot read " + path + ": it is an encrypted Parquet file; decrypt it first");
      }
      try {
        return new ParquetReader(path, ch, footerStart, meta);
      } catch (CorruptException e) {
        throw new InvalidFileException(
            "corrupt Parquet schema in " + path + ": " + e.getMessage(), e);
      }
    } catch (IOException | RuntimeException | Error e) {
      ch.close();
      throw e;
    }
  }

  private static boolean isMagic(byte[] b, int off) {
    return b[off] == 'P' && b[off + 1] == 'A' && b[off + 2] == 'R' && b[off + 3] == '1';
  }

  /** The file. */
  public Path path() {
    return path;
  }

  /** The readable top-level columns in file order (nested or unsupported fields are left out). */
  public List<ColumnSpec> schema() {
    return schema;
  }

  /**
   * Whether the file has a top-level field of this name, readable or not: for a field missing from
   * {@link #schema()} but present here, {@link #readColumn(String)} says why it cannot be read.
   */
  public boolean hasColumn(String name) {
    return columns.containsKey(name);
  }

  /**
   * The zone whose calendar gives the dates of a timestamp column in {@link #readDays}:
   *
   * <ul>
   *   <li>instants (TIMESTAMP with isAdjustedToUTC=true, the legacy TIMESTAMP_MILLIS/MICROS
   *       converted types, INT96): the column's own zone from the file's key-value metadata, the
   *       {@code pandas} entry's {@code columns[].metadata.timezone} first, else the Timestamp
   *       type's {@code timezone} in {@code ARROW:schema}; UTC when neither names one;
   *   <li>local timestamps (isAdjustedToUTC=false): UTC, so the date is the wall-clock date as
   *       written.
   * </ul>
   *
   * @throws IllegalArgumentException for an unknown name, a column that is not a timestamp, or a
   *     zone in the metadata that is not a valid zone id
   * @throws IOException for an unreadable column
   */
  public ZoneId dateZone(String name) throws IOException {
    ColumnInfo c = info(name);
    if (c.spec().type() != ColumnType.TIMESTAMP_MILLIS) {
      throw notDates(c);
    }
    return zone(c);
  }

  private ZoneId zone(ColumnInfo c) {
    TimeZones.Zone z = c.instant() ? zones.get(c.name()) : null;
    if (z == null) {
      return ZoneOffset.UTC;
    }
    String id = z.id().startsWith("dateutil/") ? z.id().substring(9) : z.id();
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "column '"
              + c.name()
              + "' of "
              + path
              + ": time zone '"
              + z.id()
              + "' in the file's "
              + z.source()
              + " is not a known zone id ("
              + e.getMessage()
              + "); write the column with an IANA zone such as 'Europe/Berlin' or an offset such"
              + " as '+09:00'");
    }
  }

  /** Total rows, from the footer. */
  public long numRows() {
    return meta.numRows();
  }

  /** Number of row groups. */
  public int numRowGroups() {
    return meta.rowGroups().size();
  }

  /** Rows in one row group. */
  public long rowGroupNumRows(int rowGroup) {
    checkRowGroup(rowGroup);
    return meta.rowGroups().get(rowGroup).numRows();
  }

  /** The value of the footer's {@code created_by}, or null. */
  public String createdBy() {
    return meta.createdBy();
  }

  /**
   * Reads a whole column, all row groups concatenated.
   *
   * @throws IllegalArgumentException for an unknown name, listing the available columns
   * @throws IOException for an unreadable column (nested, UUID, ...: naming its Parquet type) or
   *     corrupt data, a page checksum mismatch included, naming the file, column, row group and
   *     page
   */
  public ColumnData readColumn(String name) throws IOException {
    return read(info(name), 0, numRowGroups());
  }

  /** Reads one row group of a column; see {@link #readColumn(String)}. */
  public ColumnData readColumn(String name, int rowGroup) throws IOException {
    ColumnInfo c = info(name);
    checkRowGroup(rowGroup);
    return read(c, rowGroup, rowGroup + 1);
  }

  /**
   * Reads a DATE or timestamp column as calendar days since 1970-01-01, all row groups
   * concatenated: DATE values as stored; timestamps as the calendar date of each value in {@link
   * #dateZone(String)}, the time of day dropped. Null rows stay null.
   *
   * @throws IllegalArgumentException for an unknown name, a column of another type (naming its
   *     Parquet type), an invalid zone in the metadata, or a timestamp more than 2^30 days from the
   *     epoch (naming the row)
   * @throws IOException as {@link #readColumn(String)}
   */
  public IntColumn readDays(String name) throws IOException {
    return days(info(name), 0, numRowGroups());
  }

  /** Reads one row group of a column as days; see {@link #readDays(String)}. */
  public IntColumn readDays(String name, int rowGroup) throws IOException {
    ColumnInfo c = info(name);
    checkRowGroup(rowGroup);
    return days(c, rowGroup, rowGroup + 1);
  }

  private static final long MAX_DAYS = 1L << 30;

  private IntColumn days(ColumnInfo c, int g0, int g1) throws IOException {
    ColumnType type = c.spec().type();
    if (type == ColumnType.DATE) {
      return (IntColumn) read(c, g0, g1);
    }
    if (type != ColumnType.TIMESTAMP_MILLIS) {
      throw notDates(c);
    }
    ZoneId zone = zone(c);
    LongColumn ms = (LongColumn) read(c, g0, g1);
    long[] v = ms.values();
    int n = ms.size();
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    int minRow = -1;
    int maxRow = -1;
    for (int i = 0; i < n; i++) {
      long x = v[i];
      if (x < min) {
        min = x;
        minRow = i;
      }
      if (x > max) {
        max = x;
        maxRow = i;
      }
    }
    int[] days = new int[n];
    if (n == 0) {
      return new IntColumn(days, 0, ms.nulls());
    }
    long limit = MAX_DAYS * ZoneDays.DAY_MS;
    if (min < -limit || max > limit) {
      int row = min < -limit ? minRow : maxRow;
      throw new IllegalArgumentException(
          "column '"
              + c.name()
              + "' of "
              + path
              + ", row "
              + (rowOffset(g0) + row + 1)
              + ": timestamp "
              + v[row]
              + " ms since 1970-01-01 is more than 2^30 days from it; fix or drop the value");
    }
    ZoneDays.of(zone, min, max).days(v, 0, n, days);
    return new IntColumn(days, n, ms.nulls());
  }

  private long rowOffset(int rowGroup) {
    long rows = 0;
    for (int g = 0; g < rowGroup; g++) {
      rows += meta.rowGroups().get(g).numRows();
    }
    return rows;
  }

  private IllegalArgumentException notDates(ColumnInfo c) {
    return new IllegalArgumentException(
        "column '"
            + c.name()
            + "' of "
            + path
            + " is "
            + c.typeName()
            + ", not a DATE or TIMESTAMP; write dates as DATE or TIMESTAMP columns");
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private void checkRowGroup(int rowGroup) {
    if (rowGroup < 0 || rowGroup >= numRowGroups()) {
      throw new IndexOutOfBoundsException(
          "row group "
              + rowGroup
              + " out of range: "
              + path
              + " has "
              + numRowGroups()
              + " row groups"
              + (numRowGroups() > 0 ? " (0.." + (numRowGroups() - 1) + ")" : ""));
    }
  }

  private ColumnInfo info(String name) throws IOException {
    ColumnInfo c = columns.get(name);
    if (c == null) {
      List<String> names = schema.stream().map(ColumnSpec::name).toList();
      List<String> other =
          columns.values().stream().filter(x -> x.spec() == null).map(ColumnInfo::name).toList();
      throw new IllegalArgumentException(
          "no column '"
              + name
              + "' in "
              + path
              + "; available columns: "
              + names
              + (other.isEmpty() ? "" : " (not readable: " + other + ")"));
    }
    if (c.spec() == null) {
      throw new InvalidFileException(
          "cannot read column '"
              + name
              + "' ("
              + c.typeName()
              + ") of "
              + path
              + ": it "
              + c.unsupported());
    }
    return c;
  }

  // ------------------------------------------------------------------ decoding

  /**
   * One decoded row group: a bitmap of null rows relative to its start (or null), and its local
   * string dictionary.
   */
  private record Part(long[] nulls, StringDict strings) {}

  private ColumnData read(ColumnInfo c, int g0, int g1) throws IOException {
    int groups = g1 - g0;
    int[] offsets = new int[groups + 1];
    long total = 0;
    for (int g = g0; g < g1; g++) {
      offsets[g - g0] = (int) Math.min(total, Integer.MAX_VALUE);
      total += meta.rowGroups().get(g).numRows();
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new InvalidFileException(
          "column '"
              + c.name()
              + "' of "
              + path
              + " has "
              + total
              + " rows, more than one Java array holds; read it per row group with"
              + " readColumn(name, rowGroup)");
    }
    int n = (int) total;
    offsets[groups] = n;
    Out out = new Out(c, n);
    Part[] parts = new Part[groups];
    try {
      if (groups > 1 && total >= PARALLEL_MIN_ROWS) {
        IntStream.range(0, groups)
            .parallel()
            .forEach(i -> parts[i] = decodeGroup(c, g0 + i, offsets[i], out));
      } else {
        for (int i = 0; i < groups; i++) {
          parts[i] = decodeGroup(c, g0 + i, offsets[i], out);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return out.finish(parts, offsets);
  }

  /** The result arrays of one column read. */
  private static final class Out {
    final ColumnInfo c;
    final int n;
    int[] ints;
    long[] longs;
    float[] floats;
    double[] doubles;
    boolean[] bools;

    Out(ColumnInfo c, int n) {
      this.c = c;
      this.n = n;
      switch (c.spec().type()) {
        case INT32, DATE, STRING -> ints = new int[n];
        case INT64, TIMESTAMP_MILLIS -> longs = new long[n];
        case FLOAT -> floats = new float[n];
        case DOUBLE -> doubles = new double[n];
        case BOOLEAN -> bools = new boolean[n];
      }
    }

    ColumnData finish(Part[] parts, int[] offsets) {
      ColumnSpec spec = c.spec();
      if (spec.type() == ColumnType.STRING) {
        return new StringColumn(ints, n, mergeStrings(parts, offsets));
      }
      if (spec.type() == ColumnType.FLOAT) {
        return new FloatColumn(floats, n);
      }
      if (spec.type() == ColumnType.DOUBLE) {
        return new DoubleColumn(doubles, n);
      }
      long[] words = null;
      for (int i = 0; i < parts.length; i++) {
        long[] local = parts[i].nulls();
        if (local == null) {
          continue;
        }
        if (words == null) {
          words = new long[(n + 63) >>> 6];
        }
        orShifted(words, local, offsets[i], offsets[i + 1] - offsets[i]);
      }
      BitSet nulls = words == null ? null : BitSet.valueOf(words);
      return switch (spec.type()) {
        case INT32, DATE -> new IntColumn(ints, n, nulls);
        case INT64, TIMESTAMP_MILLIS -> new LongColumn(longs, n, nulls);
        default -> new BooleanColumn(bools, n, nulls);
      };
    }

    /** ORs the first {@code rows} bits of {@code src} into {@code dst} at bit {@code at}. */
    private static void orShifted(long[] dst, long[] src, int at, int rows) {
      int words = (rows + 63) >>> 6;
      int shift = at & 63;
      int base = at >>> 6;
      for (int k = 0; k < words; k++) {
        long w = src[k];
        if (w == 0) {
          continue;
        }
        dst[base + k] |= w << shift;
        if (shift != 0 && base + k + 1 < dst.length) {
          dst[base + k + 1] |= w >>> (64 - shift);
        }
      }
    }

    private String[] mergeStrings(Part[] parts, int[] offsets) {
      if (parts.length == 0) {
        return new String[0];
      }
      if (parts.length == 1 && parts[0].strings().distinct()) {
        return parts[0].strings().strings();
      }
      StringDict global = new StringDict();
      StringDict previous = null;
      int[] map = null;
      boolean identity = false;
      for (int i = 0; i < parts.length; i++) {
        StringDict local = parts[i].strings();
        if (previous == null || !local.sameEntries(previous)) {
          int size = local.size();
          map = new int[size];
          identity = true;
          byte[] arena = local.arena();
          for (int k = 0; k < size; k++) {
            int from = local.offset(k);
            map[k] = global.add(arena, from, local.offset(k + 1) - from);
            identity &= map[k] == k;
          }
          previous = local;
        }
        if (!identity) {
          for (int r = offsets[i]; r < offsets[i + 1]; r++) {
            int code = ints[r];
            if (code >= 0) {
              ints[r] = map[code];
            }
          }
        }
      }
      return global.strings();
    }
  }

  private Part decodeGroup(ColumnInfo c, int g, int offset, Out out) {
    Footer.RowGroupMeta rg = meta.rowGroups().get(g);
    int page = -1;
    try {
      if (c.leaf() >= rg.columns().size()) {
        throw new CorruptException(
            "row group has " + rg.columns().size() + " column chunks, the schema needs more");
      }
      Footer.ChunkMeta cm = rg.columns().get(c.leaf());
      if (cm.filePath() != null) {
        throw new ChunkDecoder.UnsupportedException(
            "the column chunk is stored in another file ("
                + cm.filePath()
                + "); vitrina reads self-contained files only");
      }
      if (cm.type() != c.physical()) {
        throw new CorruptException(
            "column chunk type "
                + Format.typeName(cm.type())
                + " differs from the schema type "
                + Format.typeName(c.physical()));
      }
      if (!Compression.canRead(cm.codec())) {
        throw new ChunkDecoder.UnsupportedException(
            "unsupported compression codec "
                + Format.codecName(cm.codec())
                + "; rewrite the file with SNAPPY, ZSTD, GZIP, LZ4_RAW or no compression");
      }
      int rows = (int) rg.numRows();
      if (rows == 0) {
        return new Part(null, c.spec().type() == ColumnType.STRING ? new StringDict() : null);
      }
      byte[] bytes = readChunk(cm);
      ChunkDecoder dec = new ChunkDecoder(c, cm.codec());
      ColumnInfo.Conversion conv = c.conversion();
      int base = offset;
      int[] tmpInts = null;
      long[] tmpLongs = null;
      switch (c.physical()) {
        case Format.INT32 -> {
          if (conv == ColumnInfo.Conversion.NONE) {
            dec.ints = out.ints;
          } else {
            dec.ints = tmpInts = new int[rows];
            base = 0;
          }
        }
        case Format.INT64 -> {
          if (conv == ColumnInfo.Conversion.DECIMAL) {
            dec.longs = tmpLongs = new long[rows];
            base = 0;
          } else {
            dec.longs = out.longs;
          }
        }
        case Format.INT96 -> dec.longs = out.longs;
        case Format.FLOAT -> dec.floats = out.floats;
        case Format.DOUBLE -> dec.doubles = out.doubles;
        case Format.BOOLEAN -> dec.bools = out.bools;
        default -> {
          if (conv == ColumnInfo.Conversion.DECIMAL) {
            dec.doubles = out.doubles;
          } else {
            dec.ints = out.ints;
          }
        }
      }
      try {
        dec.decode(bytes, bytes.length, rows, base);
      } finally {
        page = dec.pageIndex;
      }
      convert(c, dec.nulls, rows, offset, tmpInts, tmpLongs, out);
      return new Part(dec.nulls, dec.strings);
    } catch (ChunkDecoder.UnsupportedException e) {
      throw new UncheckedIOException(
          new InvalidFileException(
              "cannot read column '"
                  + c.name()
                  + "' of "
                  + path
                  + " (row group "
                  + g
                  + (page >= 0 ? ", page " + page : "")
                  + "): "
                  + e.getMessage(),
              e));
    } catch (CorruptException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      throw new UncheckedIOException(
          new InvalidFileException(
              "corrupt Parquet data in "
                  + path
                  + ", column '"
                  + c.name()
                  + "', row group "
                  + g
                  + (page >= 0 ? ", page " + page : "")
                  + ": "
                  + e.getMessage(),
              e));
    } catch (IOException e) {
      throw new UncheckedIOException(
          new IOException(
              "cannot read column '"
                  + c.name()
                  + "' of "
                  + path
                  + " (row group "
                  + g
                  + "): "
                  + e.getMessage(),
              e));
    }
  }

  private static void convert(
      ColumnInfo c, long[] nulls, int rows, int offset, int[] ti, long[] tl, Out out) {
    switch (c.conversion()) {
      case NONE -> {}
      case UINT32 -> {
        for (int i = 0; i < rows; i++) {
          out.longs[offset + i] = ti[i] & 0xFFFFFFFFL;
        }
      }
      case MICROS -> {
        long[] a = out.longs;
        for (int i = offset; i < offset + rows; i++) {
          a[i] = Math.floorDiv(a[i], 1000L);
        }
      }
      case NANOS -> {
        long[] a = out.longs;
        for (int i = offset; i < offset + rows; i++) {
          a[i] = Math.floorDiv(a[i], 1_000_000L);
        }
      }
      case DECIMAL -> {
        double[] d = out.doubles;
        if (ti != null) {
          for (int i = 0; i < rows; i++) {
            d[offset + i] = ChunkDecoder.scaled(ti[i], c.scale());
          }
        } else if (tl != null) {
          for (int i = 0; i < rows; i++) {
            d[offset + i] = ChunkDecoder.scaled(tl[i], c.scale());
          }
        } else {
          return; // binary decimals were decoded to doubles, NaN at nulls
        }
        if (nulls != null) {
          for (int i = 0; i < rows; i++) {
            if ((nulls[i >>> 6] & (1L << i)) != 0) {
              d[offset + i] = Double.NaN;
            }
          }
        }
      }
    }
  }

  private byte[] readChunk(Footer.ChunkMeta cm) throws IOException {
    long start = cm.start();
    long len = cm.totalCompressed();
    if (start < 4 || len < 0 || start + len > dataEnd) {
      throw new CorruptException(
          "column chunk at bytes "
              + start
              + ".."
              + (start + len)
              + " lies outside the data area 4.."
              + dataEnd
              + " (file truncated or footer damaged?)");
    }
    if (len > Integer.MAX_VALUE - 16) {
      throw new ChunkDecoder.UnsupportedException(
          "column chunk of " + len + " bytes exceeds 2 GiB; rewrite with smaller row groups");
    }
    byte[] buf = new byte[(int) len];
    readFully(channel, buf, 0, (int) len, start);
    return buf;
  }

  /**
   * Reads {@code len} bytes at {@code pos}. A {@link FileChannel} (what the default file system
   * opens) reads at a position without moving a shared cursor, so row groups decode in parallel;
   * other channels position and read under a lock on the channel.
   */
  private static void readFully(SeekableByteChannel ch, byte[] buf, int off, int len, long pos)
      throws IOException {
    if (!(ch instanceof FileChannel)) {
      synchronized (ch) {
        ch.position(pos);
        ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
        while (bb.hasRemaining()) {
          if (ch.read(bb) < 0) {
            throw new InvalidFileException(
                "unexpected end of file at byte " + (pos + bb.position() - off));
          }
        }
      }
      return;
    }
    FileChannel fc = (FileChannel) ch;
    int p = off;
    int end = off + len;
    while (p < end) {
      ByteBuffer bb = ByteBuffer.wrap(buf, p, Math.min(READ_SLICE, end - p));
      while (bb.hasRemaining()) {
        if (fc.read(bb, pos + (bb.position() - off)) < 0) {
          throw new InvalidFileException(
              "unexpected end of file at byte " + (pos + bb.position() - off));
        }
      }
      p = bb.position();
    }
  }
}
