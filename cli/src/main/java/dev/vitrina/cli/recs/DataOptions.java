package dev.vitrina.cli.recs;

import dev.vitrina.cli.LibraryName;
import dev.vitrina.core.table.BadRowPolicy;
import dev.vitrina.core.table.TableSource;
import dev.vitrina.core.table.TimestampUnit;
import dev.vitrina.recs.data.DelimitedFormat;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.InteractionsReader;
import dev.vitrina.recs.data.ItemCatalogReader;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that say which interactions file to read and how (shared by the recs commands). */
final class DataOptions {

  @Option(
      names = "--data",
      required = true,
      description =
          "Interactions: MovieLens u.data / ratings.dat (or their folder), item sequences (a"
              + " folder with train/input.txt), a Parquet file (e.g. interactions.parquet from"
              + " 'vitrina generate'), or CSV/TSV.")
  Path data;

  @LibraryName("items")
  @Option(
      names = "--items",
      description =
          "Optional item catalogue (CSV, TSV or Parquet) with the --item-col column and any of"
              + " title, category (see --item-category-col), genres (a|b), lat, lon, prep_minutes. Saved"
              + " with the model for request-time reasons, interests and distances.")
  Path items;

  @LibraryName("categoryColumn")
  @Option(
      names = "--item-category-col",
      defaultValue = "category",
      description = "The --items column read as each item's category. Default: ${DEFAULT-VALUE}.")
  String itemCategoryCol;

  @Option(
      names = "--format",
      defaultValue = "auto",
      description =
          "auto, movielens, sequences (one user per line: item ids, oldest first), parquet, csv or"
              + " tsv. auto: by file or folder name. Default: ${DEFAULT-VALUE}.")
  String format;

  @LibraryName("userColumn")
  @Option(
      names = "--user-col",
      defaultValue = "user_id",
      description = "User id column (CSV/TSV/Parquet). Default: ${DEFAULT-VALUE}.")
  String userCol;

  @LibraryName("itemColumn")
  @Option(
      names = "--item-col",
      defaultValue = "item_id",
      description = "Item id column (CSV/TSV/Parquet). Default: ${DEFAULT-VALUE}.")
  String itemCol;

  @LibraryName("valueColumn")
  @Option(
      names = "--value-col",
      description = "Value column (count, weight or rating); without it every row counts 1.")
  String valueCol;

  @LibraryName("timestampColumn")
  @Option(
      names = "--timestamp-col",
      description =
          "Timestamp column (needed by the time and last-n splits and by popular half_life_days).")
  String timestampCol;

  @Option(
      names = "--timestamp-unit",
      defaultValue = "iso",
      description =
          "How text or integer timestamps are written: seconds, millis or iso (TIMESTAMP and DATE"
              + " Parquet columns need none). Default: ${DEFAULT-VALUE}.")
  TimestampUnit timestampUnit;

  @LibraryName("eventColumn")
  @Option(
      names = "--event-col",
      description = "Event-type column whose weights (--event-weights) become the values.")
  String eventCol;

  @Option(
      names = "--event-weights",
      defaultValue = "view=1,cart=3,purchase=5",
      description = "Weight of each event type with --event-col. Default: ${DEFAULT-VALUE}.")
  String eventWeights;

  @Option(
      names = "--explicit",
      description = "Values are ratings (may be negative); default: implicit counts or weights.")
  boolean explicit;

  @Option(
      names = "--min-value",
      description =
          "Keep only rows with value >= this (e.g. 4 for ratings >= 4); the count dropped is"
              + " reported.")
  @LibraryName("Interactions.filterValueAtLeast")
  Float minValue;

  @Option(
      names = "--delimiter",
      defaultValue = ",",
      description = "CSV delimiter (TSV uses a tab). Default: '${DEFAULT-VALUE}'.")
  String delimiter;

  @LibraryName("badRows")
  @Option(
      names = "--skip-bad-rows",
      description =
          "Skip malformed rows and report their count and the first ones (default: fail).")
  boolean skipBadRows;

  /** The column description for CSV/TSV/Parquet. */
  DelimitedFormat columns() {
    DelimitedFormat f =
        DelimitedFormat.csv()
            .withDelimiter(delimiter)
            .withUserColumn(userCol)
            .withItemColumn(itemCol)
            .withFeedback(explicit ? Feedback.EXPLICIT : Feedback.IMPLICIT)
            .withBadRows(skipBadRows ? BadRowPolicy.SKIP_AND_REPORT : BadRowPolicy.FAIL);
    if (valueCol != null) {
      f = f.withValueColumn(valueCol);
    }
    if (timestampCol != null) {
      f = f.withTimestampColumn(timestampCol, timestampUnit);
    }
    if (eventCol != null) {
      if (valueCol != null) {
        throw new IllegalArgumentException(
            "give either --value-col or --event-col, not both (events become the values)");
      }
      f = f.withEvents(eventCol, DelimitedFormat.parseEventWeights(eventWeights));
    }
    return f;
  }

  /** The data read, with the {@code --min-value} filter applied. */
  Loaded read() throws IOException {
    Interactions all = InteractionsReader.read(data, format, columns());
    Interactions kept = all;
    if (minValue != null) {
      if (!Float.isFinite(minValue)) {
        throw new IllegalArgumentException("--min-value must be a finite number, got " + minValue);
      }
      kept = all.filterValueAtLeast(minValue);
      if (kept.size() == 0) {
        throw new IllegalArgumentException(
            "--min-value "
                + minValue
                + " keeps none of the "
                + all.size()
                + " rows; lower it (e.g. --min-value 4 for ratings >= 4)");
      }
    }
    long unknownItems = 0;
    if (items != null) {
      if (!java.nio.file.Files.isRegularFile(items)) {
        throw new IllegalArgumentException(
            "--items names no file: " + items + "; give an item catalogue (CSV, TSV or Parquet)");
      }
      ItemCatalogReader.Result c =
          ItemCatalogReader.read(
              TableSource.of(items),
              kept.items(),
              itemCol,
              itemCategoryCol,
              skipBadRows ? BadRowPolicy.SKIP_AND_REPORT : BadRowPolicy.FAIL);
      kept = kept.withItemAttributes(c.attributes());
      unknownItems = c.unknownItems();
    }
    return new Loaded(
        kept,
        all.size() - kept.size(),
        InteractionsReader.resolveFormat(data, format),
        unknownItems);
  }

  /**
   * The data read.
   *
   * @param data the interactions
   * @param droppedByMinValue rows removed by {@code --min-value}
   * @param format the format the file was read as
   * @param catalogRowsForUnknownItems rows of the {@code --items} catalogue naming items without
   *     interactions (not used)
   */
  record Loaded(
      Interactions data, int droppedByMinValue, String format, long catalogRowsForUnknownItems) {}
}
