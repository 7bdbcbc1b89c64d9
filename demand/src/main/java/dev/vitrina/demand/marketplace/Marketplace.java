package dev.vitrina.demand.marketplace;

import dev.vitrina.demand.data.Dimensions;
import dev.vitrina.demand.sales.SalesReadOptions;
import dev.vitrina.demand.sales.SalesReader;
import dev.vitrina.demand.sales.SalesTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A marketplace data directory as {@code ./vitrina generate} writes it: {@code sales.parquet} plus
 * optional {@code stores.parquet}, {@code items.parquet}, {@code calendar.parquet} and {@code
 * prices.parquet}.
 *
 * @param dir the directory
 * @param dimensions the dimension tables found there
 * @param salesFile the sales file
 * @param pricesFile the price file, or null when absent
 */
public record Marketplace(Path dir, Dimensions dimensions, Path salesFile, Path pricesFile) {

  /** Opens {@code dir}; fails naming the directory when it has no {@code sales.parquet}. */
  public static Marketplace load(Path dir) throws IOException {
    return load(dir, false);
  }

  /** Opens {@code dir}; {@code salesElsewhere} allows a directory without sales.parquet. */
  public static Marketplace load(Path dir, boolean salesElsewhere) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(
          "data directory " + dir + " does not exist; create one with ./vitrina generate");
    }
    Path sales = dir.resolve("sales.parquet");
    if (!salesElsewhere && !Files.exists(sales)) {
      throw new IOException(
          dir + " has no sales.parquet; generate data there with ./vitrina generate");
    }
    Path prices = dir.resolve("prices.parquet");
    return new Marketplace(dir, Dimensions.load(dir), sales, Files.exists(prices) ? prices : null);
  }

  /** Reads and validates the sales against the dimension tables. */
  public SalesTable readSales(SalesReadOptions options) throws IOException {
    return SalesReader.read(salesFile, options, dimensions);
  }
}
