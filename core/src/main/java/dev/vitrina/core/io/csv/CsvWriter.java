package dev.vitrina.core.io.csv;

import dev.vitrina.core.storage.AtomicWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes a CSV/TSV report atomically: rows go to a hidden sibling temp file {@code
 * .<name>.tmp-<pid>-<random>} that {@link #close()} moves onto the target ({@code ATOMIC_MOVE,
 * REPLACE_EXISTING}); {@link #abort()} deletes it. Fields holding the delimiter, the quote, a line
 * break, or (first field) the comment prefix are quoted RFC-4180 style; lines end with {@code \n}.
 * Not thread-safe.
 */
public final class CsvWriter implements AutoCloseable {

  private final Path path;
  private final Path temp;
  private final CsvOptions options;
  private final Writer out;
  private final StringBuilder line = new StringBuilder(256);
  private final char delim;
  private final char quote;
  private long rows;
  private boolean finished;

  private CsvWriter(Path path, Path temp, CsvOptions options, Writer out) {
    this.path = path;
    this.temp = temp;
    this.options = options;
    this.out = out;
    this.delim = options.delimiter();
    this.quote = options.quote();
  }

  /**
   * Opens a writer; {@code header} is written first when not empty (whatever {@code
   * options.header()} says).
   */
  public static CsvWriter open(Path path, CsvOptions options, List<String> header)
      throws IOException {
    Objects.requireNonNull(options, "options");
    Path abs = path.toAbsolutePath();
    Path temp = AtomicWrite.stage(abs);
    Writer w =
        Files.newBufferedWriter(
            temp, options.charset(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    CsvWriter cw = new CsvWriter(abs, temp, options, w);
    if (!header.isEmpty()) {
      try {
        cw.writeRow(header);
      } catch (IOException | RuntimeException e) {
        cw.abort();
        throw e;
      }
      cw.rows = 0;
    }
    return cw;
  }

  /** Opens a writer without a header row. */
  public static CsvWriter open(Path path, CsvOptions options) throws IOException {
    return open(path, options, List.of());
  }

  /**
   * Writes one row; null fields are written empty. A row that cannot be written (see below) is
   * rejected whole.
   *
   * @throws IllegalArgumentException when a field needs quoting and quoting is disabled
   */
  public void writeRow(String... fields) throws IOException {
    writeRow(Arrays.asList(fields));
  }

  /** Writes one row of values ({@link String#valueOf}); nulls are written empty. */
  public void writeRow(List<?> fields) throws IOException {
    ensureOpen();
    line.setLength(0);
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append(delim);
      }
      Object v = fields.get(i);
      appendField(v == null ? null : String.valueOf(v), i == 0);
    }
    line.append('\n');
    out.append(line);
    rows++;
  }

  /** Rows written so far, without the header. */
  public long rows() {
    return rows;
  }

  private void appendField(String s, boolean first) {
    if (s == null || s.isEmpty()) {
      return;
    }
    boolean needs =
        first && options.commentPrefix() != null && s.startsWith(options.commentPrefix());
    if (!needs) {
      for (int k = 0; k < s.length(); k++) {
        char c = s.charAt(k);
        if (c == delim || c == '\n' || c == '\r' || c == quote) {
          needs = true;
          break;
        }
      }
    }
    if (!needs) {
      line.append(s);
      return;
    }
    if (quote == CsvOptions.NO_QUOTE) {
      throw new IllegalArgumentException(
          "cannot write field '"
              + s
              + "' to "
              + path
              + ": it contains the delimiter, a line break or the comment prefix and quoting is"
              + " disabled; set CsvOptions.withQuote('\"')");
    }
    line.append(quote);
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == quote) {
        line.append(quote);
      }
      line.append(c);
    }
    line.append(quote);
  }

  private void ensureOpen() {
    if (finished) {
      throw new IllegalStateException("the CSV writer for " + path + " is already closed");
    }
  }

  /** Flushes and atomically moves the file onto the target; a no-op after {@link #abort()}. */
  @Override
  public void close() throws IOException {
    if (finished) {
      return;
    }
    try {
      out.close();
      AtomicWrite.move(temp, path);
      finished = true;
    } catch (IOException | RuntimeException e) {
      abort();
      throw e;
    }
  }

  /** Discards the output: deletes the temp file; the target is left untouched. */
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      out.close();
    } catch (IOException ignored) {
      // the file is deleted next
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the temp file " + temp, e);
    }
  }
}
