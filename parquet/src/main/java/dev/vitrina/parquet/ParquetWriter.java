package dev.vitrina.parquet;

import dev.vitrina.core.storage.AtomicWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a flat Parquet file, one row group per {@link #writeRowGroup} call.
 *
 * <p>Layout: PLAIN data pages (v1) for numbers and booleans, a dictionary page plus RLE_DICTIONARY
 * pages for strings, RLE definition levels for nullable columns, pages of about {@link
 * Options#pageSizeBytes()} each compressed with the chosen {@link Codec}; null counts and min/max
 * statistics for numeric, date and timestamp columns; page CRC32 checksums when {@link
 * Options#pageChecksums()} asks for them. The column chunks of a row group are encoded and
 * compressed in parallel on a small pool owned by the writer, then written in schema order. Files
 * are read back by DuckDB, polars and pyarrow in the tests.
 *
 * <p>Atomicity: bytes go to a hidden sibling temp file {@code .<name>.tmp-<pid>-<random>}; {@link
 * #close()} writes the footer and moves the temp file onto the target with {@code ATOMIC_MOVE,
 * REPLACE_EXISTING}, so readers see the old file or the complete new one. {@link #abort()}, or any
 * exception thrown by {@link #writeRowGroup}, discards the temp file; the target is then never
 * touched. No fsync is done: the file is atomic for concurrent readers, not guaranteed durable
 * across a power loss.
 *
 * <p>Row groups of roughly 100k to 1M rows work well: readers decode row groups in parallel, and
 * one row group's encoded chunks are held in memory before they are written. Not thread-safe: one
 * thread calls the writer.
 */
public final class ParquetWriter implements AutoCloseable {

  /**
   * Writer options.
   *
   * @param pageSizeBytes target uncompressed data page size in bytes, 16..256 MiB (default 1 MiB)
   * @param threads encoder threads, at least 1 (default: available processors)
   * @param dictionaryLimitBytes a string column chunk whose used dictionary exceeds this many bytes
   *     is written with PLAIN pages instead (default 16 MiB)
   * @param pageChecksums whether each page header carries the CRC32 of the page's bytes as stored
   *     (default false), which readers verify
   */
  public record Options(
      int pageSizeBytes, int threads, int dictionaryLimitBytes, boolean pageChecksums) {

    /** Validates the ranges. */
    public Options {
      if (pageSizeBytes < 16 || pageSizeBytes > (1 << 28)) {
        throw new IllegalArgumentException(
            "pageSizeBytes must be in 16.." + (1 << 28) + ", got " + pageSizeBytes);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + threads);
      }
      if (dictionaryLimitBytes < 0) {
        throw new IllegalArgumentException(
            "dictionaryLimitBytes must be >= 0, got " + dictionaryLimitBytes);
      }
    }

    /** Options without page checksums. */
    public Options(int pageSizeBytes, int threads, int dictionaryLimitBytes) {
      this(pageSizeBytes, threads, dictionaryLimitBytes, false);
    }

    /** 1 MiB pages, one thread per available processor, 16 MiB dictionary limit, no checksums. */
    public static Options defaults() {
      return new Options(1 << 20, Runtime.getRuntime().availableProcessors(), 16 << 20, false);
    }

    /** A copy with another page size. */
    public Options withPageSizeBytes(int bytes) {
      return new Options(bytes, threads, dictionaryLimitBytes, pageChecksums);
    }

    /** A copy with another thread count. */
    public Options withThreads(int n) {
      return new Options(pageSizeBytes, n, dictionaryLimitBytes, pageChecksums);
    }

    /** A copy with another dictionary limit. */
    public Options withDictionaryLimitBytes(int bytes) {
      return new Options(pageSizeBytes, threads, bytes, pageChecksums);
    }

    /** A copy that writes page checksums, or not. */
    public Options withPageChecksums(boolean on) {
      return new Options(pageSizeBytes, threads, dictionaryLimitBytes, on);
    }
  }

  private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
  private static final int WRITE_SLICE = 8 << 20;
  private static final AtomicInteger POOL_IDS = new AtomicInteger();

  private record WrittenChunk(ChunkEncoder.Encoded enc, long start) {}

  private record WrittenRowGroup(long numRows, List<WrittenChunk> chunks) {}

  private final Path path;
  private final Path temp;
  private final List<ColumnSpec> schema;
  private final Codec codec;
  private final Options options;
  private final FileChannel channel;
  private final ExecutorService pool;
  private final List<WrittenRowGroup> rowGroups = new ArrayList<>();
  private final ChunkEncoder[] encoders;
  private long position;
  private long numRows;
  private boolean finished;
  private Throwable failure;

  private ParquetWriter(
      Path path,
      Path temp,
      List<ColumnSpec> schema,
      Codec codec,
      Options options,
      FileChannel channel) {
    this.path = path;
    this.temp = temp;
    this.schema = schema;
    this.codec = codec;
    this.options = options;
    this.channel = channel;
    this.encoders = new ChunkEncoder[schema.size()];
    int threads = Math.min(options.threads(), schema.size());
    if (threads > 1) {
      int id = POOL_IDS.incrementAndGet();
      AtomicInteger n = new AtomicInteger();
      this.pool =
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread t = new Thread(r, "vitrina-parquet-" + id + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
    } else {
      this.pool = null;
    }
  }

  /** Opens a writer with {@link Options#defaults()}. */
  public static ParquetWriter open(Path path, List<ColumnSpec> schema, Codec codec)
      throws IOException {
    return open(path, schema, codec, Options.defaults());
  }

  /**
   * Opens a writer; nothing appears at {@code path} before {@link #close()}.
   *
   * @throws IllegalArgumentException for an empty schema or duplicate column names
   * @throws IOException when the temp file cannot be created next to {@code path}
   */
  public static ParquetWriter open(Path path, List<ColumnSpec> schema, Codec codec, Options options)
      throws IOException {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(options, "options");
    List<ColumnSpec> cols = List.copyOf(schema);
    if (cols.isEmpty()) {
      throw new IllegalArgumentException(
          "a Parquet schema needs at least one column; got none for " + path);
    }
    Set<String> names = new HashSet<>();
    for (ColumnSpec c : cols) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException(
            "duplicate column name '" + c.name() + "' in the schema for " + path);
      }
    }
    Path abs = path.toAbsolutePath();
    Path temp = AtomicWrite.stage(abs);
    FileChannel ch =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    ParquetWriter w = new ParquetWriter(abs, temp, cols, codec, options, ch);
    try {
      w.writeFully(MAGIC, 0, MAGIC.length);
    } catch (IOException | RuntimeException e) {
      w.abort();
      throw e;
    }
    return w;
  }

  /** The columns, in order. */
  public List<ColumnSpec> schema() {
    return schema;
  }

  /** Rows written so far. */
  public long numRows() {
    return numRows;
  }

  /**
   * Encodes and writes one row group. All columns must have the same size and the {@link
   * ColumnData} type of their {@link ColumnType}, in schema order. A row group of 0 rows is
   * validated and skipped. The arrays may be reused by the caller once this returns. Any exception
   * makes the writer unusable: {@link #close()} then discards the file.
   *
   * @throws IllegalArgumentException naming the column for a wrong count, type or size, a null in a
   *     non-nullable column, or a bad dictionary code
   * @throws IOException when writing fails
   */
  public void writeRowGroup(ColumnData... columns) throws IOException {
    ensureOpen();
    try {
      write(columns);
    } catch (IllegalArgumentException e) {
      failure = e;
      throw new IllegalArgumentException(
          e.getMessage() + " (row group " + rowGroups.size() + " of " + path + ")", e);
    } catch (IOException | RuntimeException | Error e) {
      failure = e;
      throw e;
    }
  }

  private void write(ColumnData[] columns) throws IOException {
    int rows = validate(columns);
    if (rows == 0) {
      return;
    }
    int n = columns.length;
    List<WrittenChunk> chunks = new ArrayList<>(n);
    if (pool == null) {
      for (int i = 0; i < n; i++) {
        chunks.add(writeChunk(encoder(i, rows).encode(columns[i])));
      }
    } else {
      List<Future<ChunkEncoder.Encoded>> futures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ChunkEncoder encoder = encoder(i, rows);
        ColumnData data = columns[i];
        futures.add(pool.submit(() -> encoder.encode(data)));
      }
      try {
        for (Future<ChunkEncoder.Encoded> f : futures) {
          chunks.add(writeChunk(await(f)));
        }
      } finally {
        for (Future<ChunkEncoder.Encoded> f : futures) {
          f.cancel(true);
        }
      }
    }
    rowGroups.add(new WrittenRowGroup(rows, chunks));
    numRows += rows;
  }

  /**
   * The encoder of {@code column}, kept across row groups so that its page, compression and chunk
   * buffers are allocated (and first touched) once per file rather than once per row group. A
   * chunk's bytes are written to the file before the next row group reuses them.
   */
  private ChunkEncoder encoder(int column, int rows) {
    if (encoders[column] == null) {
      encoders[column] = newEncoder(column, rows);
    }
    return encoders[column];
  }

  private ChunkEncoder newEncoder(int column, int rows) {
    ColumnSpec spec = schema.get(column);
    long bytes =
        switch (spec.type()) {
          case INT64, TIMESTAMP_MILLIS, DOUBLE -> 8L * rows;
          case INT32, DATE, FLOAT -> 4L * rows;
          case BOOLEAN -> rows / 8;
          case STRING -> 2L * rows;
        };
    int hint = (int) Math.min(1 << 30, bytes + bytes / 16 + (1 << 16));
    return new ChunkEncoder(
        spec,
        codec,
        options.pageSizeBytes(),
        options.dictionaryLimitBytes(),
        options.pageChecksums(),
        hint);
  }

  private static ChunkEncoder.Encoded await(Future<ChunkEncoder.Encoded> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while encoding a Parquet row group", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      if (c instanceof IOException io) {
        throw io;
      }
      throw new IOException(c);
    }
  }

  private WrittenChunk writeChunk(ChunkEncoder.Encoded enc) throws IOException {
    long start = position;
    writeFully(enc.bytes(), 0, enc.length());
    // keep metadata only; the page bytes can be collected
    ChunkEncoder.Encoded meta =
        new ChunkEncoder.Encoded(
            null,
            enc.length(),
            enc.dictionaryLength(),
            enc.numValues(),
            enc.totalUncompressed(),
            enc.encodings(),
            enc.nullCount(),
            enc.min(),
            enc.max());
    return new WrittenChunk(meta, start);
  }

  private int validate(ColumnData[] columns) {
    if (columns == null || columns.length != schema.size()) {
      throw new IllegalArgumentException(
          "writeRowGroup got "
              + (columns == null ? 0 : columns.length)
              + " columns but the schema has "
              + schema.size()
              + " "
              + names()
              + "; pass one ColumnData per column in schema order");
    }
    int rows = -1;
    for (int i = 0; i < columns.length; i++) {
      ColumnSpec spec = schema.get(i);
      ColumnData c = columns[i];
      if (c == null) {
        throw new IllegalArgumentException(
            "column '" + spec.name() + "' (index " + i + ") is null; pass a ColumnData");
      }
      Class<? extends ColumnData> want = spec.type().dataClass();
      if (!want.isInstance(c)) {
        throw new IllegalArgumentException(
            "column '"
                + spec.name()
                + "' (index "
                + i
                + ") is declared "
                + spec.type()
                + " but got a "
                + c.getClass().getSimpleName()
                + "; pass a "
                + want.getSimpleName());
      }
      if (rows < 0) {
        rows = c.size();
      } else if (c.size() != rows) {
        throw new IllegalArgumentException(
            "column '"
                + spec.name()
                + "' (index "
                + i
                + ") has "
                + c.size()
                + " rows but column '"
                + schema.get(0).name()
                + "' has "
                + rows
                + "; all columns of a row group must have the same size");
      }
    }
    return rows;
  }

  private List<String> names() {
    return schema.stream().map(ColumnSpec::name).toList();
  }

  private void ensureOpen() {
    if (finished) {
      throw new IllegalStateException("the Parquet writer for " + path + " is already closed");
    }
    if (failure != null) {
      throw new IllegalStateException(
          "the Parquet writer for "
              + path
              + " failed earlier ("
              + failure
              + "); close() discards it, open a new writer",
          failure);
    }
  }

  private void writeFully(byte[] b, int off, int len) throws IOException {
    int end = off + len;
    while (off < end) {
      ByteBuffer buf = ByteBuffer.wrap(b, off, Math.min(WRITE_SLICE, end - off));
      while (buf.hasRemaining()) {
        off += channel.write(buf);
      }
    }
    position += len;
  }

  /**
   * Writes the footer and atomically moves the file onto the target path. After {@link #abort()},
   * or a second time, this does nothing.
   *
   * @throws IOException when an earlier {@link #writeRowGroup} failed (the file is discarded and
   *     the target untouched), or when writing or moving fails (likewise)
   */
  @Override
  public void close() throws IOException {
    if (finished) {
      return;
    }
    if (failure != null) {
      Throwable f = failure;
      abort();
      throw new IOException(
          "not writing " + path + ": an earlier writeRowGroup failed (" + f + ")", f);
    }
    try {
      byte[] footer = footer();
      writeFully(footer, 0, footer.length);
      byte[] tail = new byte[8];
      ByteSink.INT_LE.set(tail, 0, footer.length);
      System.arraycopy(MAGIC, 0, tail, 4, 4);
      writeFully(tail, 0, tail.length);
      channel.close();
      AtomicWrite.move(temp, path);
      finished = true;
      shutdownPool();
    } catch (IOException | RuntimeException | Error e) {
      abort();
      throw e;
    }
  }

  /** Discards everything written: deletes the temp file; the target is left untouched. */
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    shutdownPool();
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing a channel we only wrote to; the file is deleted next
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the temp file " + temp, e);
    }
  }

  private void shutdownPool() {
    java.util.Arrays.fill(encoders, null);
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ footer

  private byte[] footer() {
    ByteSink out = new ByteSink(1 << 12);
    ThriftWriter w = new ThriftWriter(out);
    w.i32(1, 1);
    w.beginList(2, ThriftWriter.STRUCT, schema.size() + 1);
    w.beginElement();
    w.string(4, "schema");
    w.i32(5, schema.size());
    w.endStruct();
    for (ColumnSpec c : schema) {
      writeSchemaElement(w, c);
    }
    w.i64(3, numRows);
    w.beginList(4, ThriftWriter.STRUCT, rowGroups.size());
    for (int g = 0; g < rowGroups.size(); g++) {
      WrittenRowGroup rg = rowGroups.get(g);
      long totalUncompressed = 0;
      long totalCompressed = 0;
      w.beginElement();
      w.beginList(1, ThriftWriter.STRUCT, rg.chunks().size());
      for (int i = 0; i < rg.chunks().size(); i++) {
        WrittenChunk ch = rg.chunks().get(i);
        writeChunk(w, schema.get(i), ch);
        totalUncompressed += ch.enc().totalUncompressed();
        totalCompressed += ch.enc().length();
      }
      w.i64(2, totalUncompressed);
      w.i64(3, rg.numRows());
      w.i64(5, rg.chunks().get(0).start());
      w.i64(6, totalCompressed);
      w.i16(7, g);
      w.endStruct();
    }
    w.string(6, "vitrina version " + dev.vitrina.core.Version.get());
    w.beginList(7, ThriftWriter.STRUCT, schema.size());
    for (int i = 0; i < schema.size(); i++) {
      w.beginElement();
      w.emptyStruct(1);
      w.endStruct();
    }
    w.stop();
    return java.util.Arrays.copyOf(out.buf, out.size);
  }

  private static void writeSchemaElement(ThriftWriter w, ColumnSpec c) {
    w.beginElement();
    w.i32(1, physicalType(c.type()));
    w.i32(3, c.nullable() ? Format.OPTIONAL : Format.REQUIRED);
    w.string(4, c.name());
    switch (c.type()) {
      case STRING -> {
        w.i32(6, Format.CT_UTF8);
        w.beginStruct(10);
        w.emptyStruct(Format.LT_STRING);
        w.endStruct();
      }
      case DATE -> {
        w.i32(6, Format.CT_DATE);
        w.beginStruct(10);
        w.emptyStruct(Format.LT_DATE);
        w.endStruct();
      }
      case TIMESTAMP_MILLIS -> {
        w.i32(6, Format.CT_TIMESTAMP_MILLIS);
        w.beginStruct(10);
        w.beginStruct(Format.LT_TIMESTAMP);
        w.bool(1, true);
        w.beginStruct(2);
        w.emptyStruct(Format.UNIT_MILLIS);
        w.endStruct();
        w.endStruct();
        w.endStruct();
      }
      default -> {}
    }
    w.endStruct();
  }

  private void writeChunk(ThriftWriter w, ColumnSpec c, WrittenChunk ch) {
    ChunkEncoder.Encoded e = ch.enc();
    long dataPageOffset = ch.start() + e.dictionaryLength();
    w.beginElement();
    w.i64(2, ch.start());
    w.beginStruct(3);
    w.i32(1, physicalType(c.type()));
    w.beginList(2, ThriftWriter.I32, e.encodings().length);
    for (int enc : e.encodings()) {
      w.elementI32(enc);
    }
    w.beginList(3, ThriftWriter.BINARY, 1);
    w.elementString(c.name());
    w.i32(4, codec.thriftId());
    w.i64(5, e.numValues());
    w.i64(6, e.totalUncompressed());
    w.i64(7, e.length());
    w.i64(9, dataPageOffset);
    if (e.dictionaryLength() > 0) {
      w.i64(11, ch.start());
    }
    w.beginStruct(12);
    if (e.max() != null) {
      w.binary(1, e.max());
      w.binary(2, e.min());
    }
    w.i64(3, e.nullCount());
    if (e.max() != null) {
      w.binary(5, e.max());
      w.binary(6, e.min());
    }
    w.endStruct();
    w.endStruct();
    w.endStruct();
  }

  static int physicalType(ColumnType t) {
    return switch (t) {
      case INT32, DATE -> Format.INT32;
      case INT64, TIMESTAMP_MILLIS -> Format.INT64;
      case FLOAT -> Format.FLOAT;
      case DOUBLE -> Format.DOUBLE;
      case BOOLEAN -> Format.BOOLEAN;
      case STRING -> Format.BYTE_ARRAY;
    };
  }
}
