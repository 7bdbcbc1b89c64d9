package dev.vitrina.core.io.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How a CSV/TSV file is read or written.
 *
 * @param delimiter field separator, e.g. {@code ','}, {@code '\t'}, {@code '|'}; not a quote, CR or
 *     LF
 * @param quote quote character for RFC-4180 quoting, or {@link #NO_QUOTE} to treat quotes as plain
 *     text (MovieLens {@code u.item}, most TSV)
 * @param header whether the first record is a header
 * @param commentPrefix lines starting with this prefix are skipped, or null for none
 * @param charset an ASCII-compatible charset: UTF-8 (default), ISO-8859-1, windows-1252, US-ASCII
 */
public record CsvOptions(
    char delimiter, char quote, boolean header, String commentPrefix, Charset charset) {

  /** Marks "no quote character". */
  public static final char NO_QUOTE = '\0';

  /** Validates the characters and the charset. */
  public CsvOptions {
    Objects.requireNonNull(charset, "charset");
    if (delimiter == '\n' || delimiter == '\r' || delimiter == NO_QUOTE) {
      throw new IllegalArgumentException(
          "delimiter must not be CR, LF or NUL, got code " + (int) delimiter);
    }
    if (delimiter > 0x7F || (quote != NO_QUOTE && quote > 0x7F)) {
      throw new IllegalArgumentException(
          "delimiter and quote must be ASCII characters, got '"
              + delimiter
              + "' and '"
              + quote
              + "'");
    }
    if (quote == delimiter || quote == '\n' || quote == '\r') {
      throw new IllegalArgumentException(
          "quote must differ from the delimiter, CR and LF, got code " + (int) quote);
    }
    if (commentPrefix != null && commentPrefix.isEmpty()) {
      throw new IllegalArgumentException(
          "commentPrefix must be null (no comments) or non-empty, e.g. \"#\"");
    }
    byte[] probe = "\n\r,;|\t\"#".getBytes(charset);
    if (!charset.canEncode() || probe.length != 8 || probe[0] != '\n' || probe[6] != '"') {
      throw new IllegalArgumentException(
          "charset "
              + charset
              + " is not ASCII-compatible; use UTF-8, ISO-8859-1, windows-1252 or US-ASCII (convert"
              + " UTF-16 files first)");
    }
  }

  /** Comma-separated, double-quote quoting, with a header, UTF-8. */
  public static CsvOptions csv() {
    return new CsvOptions(',', '"', true, null, StandardCharsets.UTF_8);
  }

  /** Tab-separated without quoting, with a header, UTF-8. */
  public static CsvOptions tsv() {
    return new CsvOptions('\t', NO_QUOTE, true, null, StandardCharsets.UTF_8);
  }

  /** A copy with another delimiter. */
  public CsvOptions withDelimiter(char c) {
    return new CsvOptions(c, quote, header, commentPrefix, charset);
  }

  /** A copy with another quote character ({@link #NO_QUOTE} for none). */
  public CsvOptions withQuote(char c) {
    return new CsvOptions(delimiter, c, header, commentPrefix, charset);
  }

  /** A copy with or without a header record. */
  public CsvOptions withHeader(boolean h) {
    return new CsvOptions(delimiter, quote, h, commentPrefix, charset);
  }

  /** A copy that skips lines starting with {@code prefix} (null for none). */
  public CsvOptions withCommentPrefix(String prefix) {
    return new CsvOptions(delimiter, quote, header, prefix, charset);
  }

  /** A copy with another charset. */
  public CsvOptions withCharset(Charset cs) {
    return new CsvOptions(delimiter, quote, header, commentPrefix, cs);
  }
}
