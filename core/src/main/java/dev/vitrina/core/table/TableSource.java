package dev.vitrina.core.table;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a table's rows come from: a path on any {@code java.nio} file system and how to parse it.
 *
 * @param path the file
 * @param format a {@link TableFormat} name ({@code csv}, {@code parquet}), or {@code auto}: by the
 *     file name ({@code .parquet} is Parquet, {@code .tsv}/{@code .tab} tab-separated CSV, anything
 *     else CSV)
 * @param delimiter the field separator of delimited text; more than one character (MovieLens {@code
 *     ::}) is allowed
 * @param header whether the first line of delimited text names the columns; without a header,
 *     columns are named by their 1-based position ({@code "1"}, {@code "2"}, ...)
 * @param charset the encoding of delimited text
 */
public record TableSource(
    Path path, String format, String delimiter, boolean header, Charset charset) {

  public TableSource {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(charset, "charset");
    format = format == null ? "auto" : format.trim().toLowerCase(Locale.ROOT);
    Objects.requireNonNull(delimiter, "delimiter");
    if (delimiter.isEmpty()) {
      throw new IllegalArgumentException("delimiter must not be empty; use \",\" or \"\\t\"");
    }
  }

  /** {@code path} in the format its name implies, comma-separated with a header, UTF-8. */
  public static TableSource of(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    String delimiter = lower.endsWith(".tsv") || lower.endsWith(".tab") ? "\t" : ",";
    return new TableSource(path, "auto", delimiter, true, StandardCharsets.UTF_8);
  }

  /** The format to read with: {@link #format()}, or the one the file name implies. */
  public String resolvedFormat() {
    if (!format.equals("auto")) {
      return format;
    }
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    return name.toLowerCase(Locale.ROOT).endsWith(".parquet") ? "parquet" : "csv";
  }

  public TableSource withFormat(String f) {
    return new TableSource(path, f, delimiter, header, charset);
  }

  public TableSource withDelimiter(String d) {
    return new TableSource(path, format, d, header, charset);
  }

  public TableSource withHeader(boolean h) {
    return new TableSource(path, format, delimiter, h, charset);
  }

  public TableSource withCharset(Charset c) {
    return new TableSource(path, format, delimiter, header, c);
  }

  /** How rows are numbered in messages: physical lines for text, 1-based rows otherwise. */
  public String rowWord() {
    return resolvedFormat().equals("csv") ? "line" : "row";
  }
}
