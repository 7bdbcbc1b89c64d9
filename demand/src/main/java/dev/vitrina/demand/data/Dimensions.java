package dev.vitrina.demand.data;

import dev.vitrina.core.ids.IdIndex;
import dev.vitrina.parquet.ColumnSpec;
import dev.vitrina.parquet.ColumnType;
import dev.vitrina.parquet.IntColumn;
import dev.vitrina.parquet.ParquetReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dimension tables beside the sales: stores with their attributes (city, state, ...), items
 * with theirs (category, department, ...) and a regular price, and calendar event flags. Every part
 * is optional; {@link #none()} has none.
 *
 * @param stores store ids, or null when there is no stores table
 * @param storeAttributes text attributes per store (e.g. city, state), aligned with {@code stores}
 * @param items item ids, or null when there is no items table
 * @param itemAttributes text attributes per item (e.g. category, department)
 * @param basePrice the regular price per item, or null
 * @param calendarDays the calendar's epoch days (sorted), or null
 * @param events event flag columns aligned with {@code calendarDays} (0/1)
 */
public record Dimensions(
    IdIndex stores,
    Map<String, String[]> storeAttributes,
    IdIndex items,
    Map<String, String[]> itemAttributes,
    double[] basePrice,
    int[] calendarDays,
    Map<String, float[]> events) {

  /** No dimension tables. */
  public static Dimensions none() {
    return new Dimensions(null, Map.of(), null, Map.of(), null, null, Map.of());
  }

  /**
   * Reads {@code stores.parquet}, {@code items.parquet} and {@code calendar.parquet} from {@code
   * dir}, each if present. Stores need a {@code store_id} column, items an {@code item_id} column,
   * the calendar a {@code date} column; other text columns become attributes, and calendar columns
   * named {@code event_*} become event flags.
   */
  public static Dimensions load(Path dir) throws IOException {
    IdIndex stores = null;
    Map<String, String[]> storeAttrs = new LinkedHashMap<>();
    Path storesFile = dir.resolve("stores.parquet");
    if (Files.exists(storesFile)) {
      stores = readTable(storesFile, "store_id", storeAttrs, null);
    }
    IdIndex items = null;
    Map<String, String[]> itemAttrs = new LinkedHashMap<>();
    double[][] basePrice = new double[1][];
    Path itemsFile = dir.resolve("items.parquet");
    if (Files.exists(itemsFile)) {
      items = readTable(itemsFile, "item_id", itemAttrs, basePrice);
    }
    int[] days = null;
    Map<String, float[]> events = new LinkedHashMap<>();
    Path calFile = dir.resolve("calendar.parquet");
    if (Files.exists(calFile)) {
      try (ParquetReader r = ParquetReader.open(calFile)) {
        IntColumn dates = r.readDays(requireColumn(r, calFile, "date"));
        days = Arrays.copyOf(dates.values(), dates.size());
        for (int i = 1; i < days.length; i++) {
          if (days[i] <= days[i - 1]) {
            throw new IOException(
                calFile + ": dates must be strictly increasing; row " + (i + 1) + " is not");
          }
        }
        for (ColumnSpec c : r.schema()) {
          if (c.name().startsWith("event_") && c.type() != ColumnType.STRING) {
            events.put(c.name(), Columns.floats(r.readColumn(c.name()), calFile, c.name()));
          }
        }
      }
    }
    return new Dimensions(stores, storeAttrs, items, itemAttrs, basePrice[0], days, events);
  }

  private static IdIndex readTable(
      Path file, String idColumn, Map<String, String[]> attrs, double[][] basePrice)
      throws IOException {
    try (ParquetReader r = ParquetReader.open(file)) {
      String[] ids =
          Columns.strings(r.readColumn(requireColumn(r, file, idColumn)), file, idColumn);
      for (int i = 0; i < ids.length; i++) {
        if (ids[i] == null) {
          throw new IOException(file + ", row " + (i + 1) + ": " + idColumn + " is null");
        }
      }
      IdIndex index;
      try {
        index = IdIndex.of(List.of(ids));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": " + e.getMessage(), e);
      }
      for (ColumnSpec c : r.schema()) {
        if (c.name().equals(idColumn)) {
          continue;
        }
        if (c.type() == ColumnType.STRING) {
          attrs.put(c.name(), Columns.strings(r.readColumn(c.name()), file, c.name()));
        } else if (basePrice != null && c.name().equals("base_price")) {
          float[] p = Columns.floats(r.readColumn(c.name()), file, c.name());
          basePrice[0] = new double[p.length];
          for (int i = 0; i < p.length; i++) {
            basePrice[0][i] = p[i];
          }
        }
      }
      return index;
    }
  }

  private static String requireColumn(ParquetReader r, Path file, String name) throws IOException {
    if (r.hasColumn(name)) {
      return name;
    }
    throw new IOException(
        file
            + " has no column '"
            + name
            + "'; columns are "
            + r.schema().stream().map(ColumnSpec::name).toList());
  }

  /** The names usable in a level besides {@code store} and {@code item}. */
  public List<String> attributeNames() {
    List<String> names = new java.util.ArrayList<>(storeAttributes.keySet());
    names.addAll(itemAttributes.keySet());
    return names;
  }
}
