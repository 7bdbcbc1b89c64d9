package dev.vitrina.recs.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads interactions in any supported file format, chosen by name or detected from the path: {@code
 * movielens} ({@code u.data} / {@code ratings.dat} or their folder), {@code parquet}, {@code csv},
 * {@code tsv}. This is the single entry point the command line and services use.
 */
public final class InteractionsReader {

  /** The accepted format names. */
  public static final String FORMATS = "auto, movielens, parquet, csv, tsv";

  private InteractionsReader() {}

  /**
   * Reads {@code path}.
   *
   * @param format one of {@link #FORMATS}; {@code auto} picks MovieLens for a folder holding {@code
   *     u.data} or {@code ratings.dat} and for those file names, Parquet for {@code .parquet}, TSV
   *     for {@code .tsv}, and CSV otherwise
   * @param columns column names, value or event column, feedback and bad-row policy (for CSV, TSV
   *     and Parquet; MovieLens files have fixed columns)
   * @throws IllegalArgumentException for an unknown format name
   * @throws InteractionsFormatException naming file, row and column of bad input
   */
  public static Interactions read(Path path, String format, DelimitedFormat columns)
      throws IOException {
    String f = resolveFormat(path, format);
    if (!f.equals("movielens") && !Files.isRegularFile(path)) {
      throw new InteractionsFormatException(
          "no such file: " + path + " (--data); give an interactions file (" + f + ")");
    }
    return switch (f) {
      case "movielens" -> MovieLensReader.read(path, columns.badRows());
      case "parquet" -> ParquetInteractionsReader.read(path, columns);
      case "tsv" -> DelimitedReader.read(path, columns.withDelimiter("\t"));
      case "csv" -> DelimitedReader.read(path, columns);
      default -> throw new IllegalStateException(f);
    };
  }

  /** The concrete format for {@code path} ({@code auto} resolved). */
  public static String resolveFormat(Path path, String format) {
    String f = format == null ? "auto" : format.trim().toLowerCase(Locale.ROOT);
    switch (f) {
      case "movielens", "parquet", "csv", "tsv":
        return f;
      case "auto":
        break;
      default:
        throw new IllegalArgumentException(
            "unknown format '" + format + "' (--format); use one of " + FORMATS);
    }
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (Files.isDirectory(path)) {
      if (Files.exists(path.resolve("u.data")) || Files.exists(path.resolve("ratings.dat"))) {
        return "movielens";
      }
      if (Files.exists(path.resolve("interactions.parquet"))) {
        throw new IllegalArgumentException(
            path
                + " is a folder; give the file itself, e.g. --data "
                + path.resolve("interactions.parquet"));
      }
      throw new IllegalArgumentException(
          path
              + " is a folder without u.data or ratings.dat; give an interactions file"
              + " (.parquet, .csv, .tsv) with --data");
    }
    if (lower.equals("u.data") || lower.endsWith(".dat")) {
      return "movielens";
    }
    if (lower.endsWith(".parquet")) {
      return "parquet";
    }
    if (lower.endsWith(".tsv") || lower.endsWith(".tab")) {
      return "tsv";
    }
    return "csv";
  }
}
