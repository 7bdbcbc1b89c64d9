package dev.vitrina.recs.data;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.core.ids.IdIndex;
import dev.vitrina.core.table.BadRowPolicy;
import dev.vitrina.core.table.Field;
import dev.vitrina.core.table.FieldKind;
import dev.vitrina.core.table.Table;
import dev.vitrina.core.table.TableSource;
import dev.vitrina.core.table.Tables;
import dev.vitrina.core.validate.ValidationReport;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an item catalogue (CSV, TSV or Parquet, through core's table layer) into {@link
 * ItemAttributes} for a given item index: one row per item with an item id column (named as in the
 * interactions, e.g. {@code item_id}) and any of {@code title}, a category column (default {@code
 * category}), {@code genres} (separated by {@code |}), {@code lat} and {@code lon} (the item's
 * coordinates, stored as the {@value #LOCATION} column) and {@code prep_minutes} (preparation
 * minutes before delivery, stored as {@value #PREP_MINUTES}).
 *
 * <p>Rows for items the index does not know are counted ({@link Result#unknownItems}) and not used;
 * items without a row have no attributes. Coordinates out of range reject the row (the report names
 * file, row, column and value).
 */
public final class ItemCatalogReader {

  /** The attribute column that holds item coordinates. */
  public static final String LOCATION = "location";

  /** The attribute column that holds preparation minutes. */
  public static final String PREP_MINUTES = "prep_minutes";

  private ItemCatalogReader() {}

  /**
   * What was read.
   *
   * @param attributes the attributes, indexed like the item index
   * @param rows catalogue rows read
   * @param unknownItems rows naming an item the index does not know
   * @param report the read report (bad rows)
   */
  public record Result(
      ItemAttributes attributes, long rows, long unknownItems, ValidationReport report) {}

  /**
   * Reads {@code source} for the items of {@code items}.
   *
   * @param itemColumn the column with the item ids
   * @param categoryColumn the column read as each item's category (e.g. {@code category} or {@code
   *     subcategory})
   * @throws dev.vitrina.core.table.BadRowsException under {@link BadRowPolicy#FAIL} when a row is
   *     malformed
   * @throws ParameterException naming {@code items} when no catalogue row matches an item
   */
  public static Result read(
      TableSource source,
      IdIndex items,
      String itemColumn,
      String categoryColumn,
      BadRowPolicy badRows)
      throws IOException {
    Field id = Field.required("itemColumn", "item id", itemColumn, FieldKind.ID);
    Field title = Field.optional("title", "title", "title", FieldKind.TEXT);
    Field category = Field.optional("categoryColumn", "category", categoryColumn, FieldKind.TEXT);
    Field genres = Field.optional("genres", "genres", "genres", FieldKind.TEXT);
    Field lat = Field.optional("lat", "latitude", "lat", FieldKind.DOUBLE);
    Field lon = Field.optional("lon", "longitude", "lon", FieldKind.DOUBLE);
    Field prep =
        Field.optional("prepMinutes", "preparation minutes", "prep_minutes", FieldKind.DOUBLE);
    Table t = Tables.read(source, List.of(id, title, category, genres, lat, lon, prep));
    if (t.hasColumn(lat) != t.hasColumn(lon)) {
      throw new ParameterException(
          "items",
          source.path()
              + " has a '"
              + (t.hasColumn(lat) ? "lat" : "lon")
              + "' column but no '"
              + (t.hasColumn(lat) ? "lon" : "lat")
              + "' column; give both coordinates or neither");
    }
    Table.Ids ids = t.ids(id);
    String[] titles = t.hasColumn(title) ? t.texts(title).values() : null;
    String[] cats = t.hasColumn(category) ? t.texts(category).values() : null;
    String[] gens = t.hasColumn(genres) ? t.texts(genres).values() : null;
    double[] la = t.hasColumn(lat) ? t.doubles(lat).values() : null;
    double[] lo = t.hasColumn(lon) ? t.doubles(lon).values() : null;
    double[] pr = t.hasColumn(prep) ? t.doubles(prep).values() : null;
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    for (int i = 0; i < items.size(); i++) {
      b.declareItem(items.id(i));
    }
    GeoPoint[] points = new GeoPoint[items.size()];
    double[] prepMin = new double[items.size()];
    Arrays.fill(prepMin, Double.NaN);
    long unknown = 0;
    long used = 0;
    for (int r = 0; r < t.rows(); r++) {
      if (t.isRejected(r)) {
        continue;
      }
      String item = ids.dictionary()[ids.codes()[r]];
      int ix = items.indexOrMinusOne(item);
      if (la != null && !Double.isNaN(la[r]) && !(la[r] >= -90 && la[r] <= 90)) {
        t.reject(
            r,
            "latitude out of range",
            "lat",
            Double.toString(la[r]),
            "latitudes lie in [-90, 90]");
        continue;
      }
      if (lo != null && !Double.isNaN(lo[r]) && !(lo[r] >= -180 && lo[r] <= 180)) {
        t.reject(
            r,
            "longitude out of range",
            "lon",
            Double.toString(lo[r]),
            "longitudes lie in [-180, 180]");
        continue;
      }
      if (ix < 0) {
        unknown++;
        continue;
      }
      used++;
      if (titles != null && titles[r] != null && !titles[r].isBlank()) {
        b.itemTitle(item, titles[r]);
      }
      if (cats != null && cats[r] != null && !cats[r].isBlank()) {
        b.itemCategory(item, cats[r]);
      }
      if (gens != null && gens[r] != null && !gens[r].isBlank()) {
        b.itemGenres(item, Arrays.stream(gens[r].split("\\|")).map(String::strip).toList());
      }
      if (la != null && !Double.isNaN(la[r]) && !Double.isNaN(lo[r])) {
        points[ix] = new GeoPoint(la[r], lo[r]);
      }
      if (pr != null) {
        prepMin[ix] = pr[r];
      }
    }
    ValidationReport report = t.finish(badRows, "fix the row or skip bad rows");
    if (used == 0) {
      throw new ParameterException(
          "items",
          "no row of "
              + source.path()
              + " names an item of the interactions ("
              + unknown
              + " rows name other items); check that its '"
              + itemColumn
              + "' column holds the same ids as the interactions");
    }
    ItemAttributes a = b.build().itemAttributes();
    if (la != null) {
      a = a.withColumn(AttributeColumn.geoPoints(LOCATION, points));
    }
    if (pr != null) {
      a = a.withColumn(AttributeColumn.numeric(PREP_MINUTES, prepMin));
    }
    return new Result(a, t.rows(), unknown, report);
  }
}
