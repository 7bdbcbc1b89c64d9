package dev.vitrina.core.io.csv;

import dev.vitrina.core.storage.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A streaming CSV/TSV reader over bytes: RFC-4180 quoting (a field that starts with the quote
 * character may hold delimiters, doubled quotes and line breaks; quotes inside unquoted fields are
 * plain text), {@code \n} or {@code \r\n} line ends, an optional UTF-8 BOM, a missing final
 * newline, comment lines and blank lines (both skipped). Delimiters, quotes and line breaks are
 * found in the raw bytes, so any ASCII-compatible charset works; fields are decoded only when asked
 * for.
 *
 * <p>{@link #next()} returns the same {@link CsvRow} view each time, valid until the next call.
 * Memory: one buffer of 1 MiB, grown to the longest record. Not thread-safe.
 *
 * <pre>{@code
 * try (CsvReader in = CsvReader.open(path, CsvOptions.csv())) {
 *   int item = in.columnIndex("item_id");
 *   for (CsvRow row = in.next(); row != null; row = in.next()) {
 *     long id = row.longField(item);
 *   }
 * }
 * }</pre>
 */
public final class CsvReader implements AutoCloseable, Iterable<CsvRow> {

  private static final int BUFFER = 1 << 20;

  private final InputStream in;
  private final String source;
  private final CsvOptions options;
  private final Charset charset;
  private final byte delim;
  private final int quote;
  private final byte[] comment;

  byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private long line = 1;

  // the current record
  int[] starts = new int[16];
  int[] ends = new int[16];
  boolean[] escaped = new boolean[16];
  int fieldCount;
  long recordLine;

  private final List<String> header;
  private final Map<String, Integer> headerIndex = new HashMap<>();
  private final CsvRow row;
  private boolean peeked;
  private boolean peekedResult;

  private CsvReader(InputStream in, String source, CsvOptions options, int bufferSize)
      throws IOException {
    this.buf = new byte[bufferSize];
    this.in = in;
    this.source = source;
    this.options = options;
    this.charset = options.charset();
    this.delim = (byte) options.delimiter();
    this.quote = options.quote() == CsvOptions.NO_QUOTE ? -1 : options.quote();
    this.comment =
        options.commentPrefix() == null ? null : options.commentPrefix().getBytes(charset);
    this.row = new CsvRow(this);
    fill();
    if (charset.equals(StandardCharsets.UTF_8)
        && limit - pos >= 3
        && buf[pos] == (byte) 0xEF
        && buf[pos + 1] == (byte) 0xBB
        && buf[pos + 2] == (byte) 0xBF) {
      pos += 3;
    }
    if (options.header() && parse()) {
      List<String> h = new ArrayList<>(fieldCount);
      for (int i = 0; i < fieldCount; i++) {
        String name = row.field(i);
        h.add(name);
        headerIndex.putIfAbsent(name, i);
      }
      this.header = List.copyOf(h);
    } else {
      this.header = List.of();
    }
  }

  /**
   * Opens a file.
   *
   * @throws IOException when the file cannot be opened or the header cannot be read
   */
  public static CsvReader open(Path path, CsvOptions options) throws IOException {
    Objects.requireNonNull(options, "options");
    InputStream in = Files.newInputStream(InputFiles.requireFile(path, "CSV"));
    try {
      return new CsvReader(in, path.toString(), options, BUFFER);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Reads a stream; {@code sourceName} appears in error messages. The reader closes the stream. */
  public static CsvReader open(InputStream in, String sourceName, CsvOptions options)
      throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(options, "options");
    return new CsvReader(in, sourceName, options, BUFFER);
  }

  /** As {@link #open(InputStream, String, CsvOptions)} with a given initial buffer, for tests. */
  static CsvReader open(InputStream in, String sourceName, CsvOptions options, int bufferSize)
      throws IOException {
    return new CsvReader(in, sourceName, options, Math.max(1, bufferSize));
  }

  /** The file or stream name. */
  public String source() {
    return source;
  }

  /** The options. */
  public CsvOptions options() {
    return options;
  }

  /** The header fields; empty without a header. */
  public List<String> header() {
    return header;
  }

  /**
   * The index of a header column.
   *
   * @throws IllegalArgumentException naming the file and listing the header when absent
   */
  public int columnIndex(String name) {
    Integer i = headerIndex.get(name);
    if (i == null) {
      if (!options.header()) {
        throw new IllegalArgumentException(
            "cannot look up column '"
                + name
                + "' in "
                + source
                + ": it is read without a header (CsvOptions.header is false); use field indexes");
      }
      throw new IllegalArgumentException(
          "column '"
              + name
              + "' not found in "
              + source
              + "; the header has "
              + header.size()
              + " columns: "
              + header
              + (options.delimiter() == ',' && header.size() == 1
                  ? " (one column: is the delimiter really ','?)"
                  : ""));
    }
    return i;
  }

  /**
   * Advances to the next record.
   *
   * @return the reused row view, or null at the end of the input
   * @throws IOException on read errors
   * @throws CsvException for an unterminated quote or text after a closing quote
   */
  public CsvRow next() throws IOException {
    boolean ok = peeked ? peekedResult : parse();
    peeked = false;
    return ok ? row : null;
  }

  /** Iterates the remaining records; I/O errors surface as {@link UncheckedIOException}. */
  @Override
  public Iterator<CsvRow> iterator() {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        if (!peeked) {
          try {
            peekedResult = parse();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          peeked = true;
        }
        return peekedResult;
      }

      @Override
      public CsvRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more records in " + source);
        }
        peeked = false;
        return row;
      }
    };
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  // ------------------------------------------------------------------ parsing

  /** Compacts the buffer and reads more; returns false at the end with no data left. */
  private boolean fill() throws IOException {
    if (eof) {
      return pos < limit;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    while (limit < buf.length) {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
        break;
      }
      limit += n;
    }
    return pos < limit || !eof;
  }

  /** Parses the next record into the field arrays; false at the end. */
  private boolean parse() throws IOException {
    while (true) {
      int p = pos;
      if (p >= limit) {
        if (!fill() && pos >= limit) {
          return false;
        }
        continue;
      }
      byte c = buf[p];
      if (c == '\n') {
        pos = p + 1;
        line++;
        continue;
      }
      if (c == '\r' || (comment != null && c == comment[0])) {
        int nl = indexOfNewline(p);
        if (nl < 0 && !eof) {
          fill();
          continue;
        }
        int end = nl < 0 ? limit : nl;
        boolean blank = c == '\r' && end - p == 1;
        if (blank || (comment != null && startsWithComment(p, end))) {
          pos = nl < 0 ? limit : nl + 1;
          line++;
          continue;
        }
      }
      int r = parseRecord(p);
      if (r >= 0) {
        pos = r;
        return true;
      }
      fill();
    }
  }

  private int indexOfNewline(int p) {
    for (int i = p; i < limit; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private boolean startsWithComment(int p, int end) {
    if (end - p < comment.length) {
      return false;
    }
    for (int k = 0; k < comment.length; k++) {
      if (buf[p + k] != comment[k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses one record starting at {@code p}; returns the position after it, or -1 when the buffer
   * ends first (the caller reads more and retries from the record start).
   */
  private int parseRecord(int p) {
    final byte[] b = buf;
    final int lim = limit;
    final byte d = delim;
    long ln = line;
    int n = 0;
    while (true) {
      if (n == starts.length) {
        starts = Arrays.copyOf(starts, n * 2);
        ends = Arrays.copyOf(ends, n * 2);
        escaped = Arrays.copyOf(escaped, n * 2);
      }
      if (quote >= 0 && p < lim && b[p] == quote) {
        int s = p + 1;
        int i = s;
        boolean esc = false;
        while (true) {
          if (i >= lim) {
            if (!eof) {
              return -1;
            }
            throw new CsvException(
                source,
                line,
                "unterminated quoted field "
                    + (n + 1)
                    + "; close it with "
                    + (char) quote
                    + " and double any "
                    + (char) quote
                    + " inside it");
          }
          byte c = b[i];
          if (c == quote) {
            if (i + 1 >= lim && !eof) {
              return -1;
            }
            if (i + 1 < lim && b[i + 1] == quote) {
              esc = true;
              i += 2;
              continue;
            }
            break;
          }
          if (c == '\n') {
            ln++;
          }
          i++;
        }
        starts[n] = s;
        ends[n] = i;
        escaped[n] = esc;
        n++;
        p = i + 1;
        if (p >= lim) {
          if (!eof) {
            return -1;
          }
          break;
        }
        byte c = b[p];
        if (c == d) {
          p++;
          continue;
        }
        if (c == '\n') {
          p++;
          ln++;
          break;
        }
        if (c == '\r') {
          if (p + 1 >= lim) {
            if (!eof) {
              return -1;
            }
            p++;
            break;
          }
          if (b[p + 1] == '\n') {
            p += 2;
            ln++;
            break;
          }
        }
        throw new CsvException(
            source,
            line,
            "unexpected character '"
                + (char) (c & 0xFF)
                + "' after the closing quote of field "
                + n
                + "; quote the whole field and double the quotes inside it");
      }
      int s = p;
      while (p < lim) {
        byte c = b[p];
        if (c == d || c == '\n') {
          break;
        }
        p++;
      }
      if (p >= lim && !eof) {
        return -1;
      }
      int e = p;
      if (p >= lim || b[p] == '\n') {
        if (e > s && b[e - 1] == '\r') {
          e--;
        }
        starts[n] = s;
        ends[n] = e;
        escaped[n] = false;
        n++;
        if (p < lim) {
          p++;
          ln++;
        }
        break;
      }
      starts[n] = s;
      ends[n] = e;
      escaped[n] = false;
      n++;
      p++;
    }
    fieldCount = n;
    recordLine = line;
    line = ln;
    return p;
  }

  // ------------------------------------------------------------------ for CsvRow

  String decode(int i) {
    int s = starts[i];
    int len = ends[i] - s;
    if (!escaped[i]) {
      return new String(buf, s, len, charset);
    }
    byte[] out = new byte[len];
    int k = 0;
    for (int j = s; j < s + len; j++) {
      out[k++] = buf[j];
      if (buf[j] == quote) {
        j++;
      }
    }
    return new String(out, 0, k, charset);
  }

  Charset charset() {
    return charset;
  }
}
