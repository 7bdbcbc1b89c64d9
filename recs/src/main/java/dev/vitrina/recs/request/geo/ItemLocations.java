package dev.vitrina.recs.request.geo;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.recs.data.AttributeColumn;
import dev.vitrina.recs.data.ItemAttributes;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.TrainingData;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where each item is and, optionally, how long it takes to prepare, read once from the catalogue's
 * typed columns: the {@link AttributeColumn.Kind#GEO_POINT} column {@value #LOCATION} and the
 * numeric column {@value #PREP_MINUTES} (minutes, {@code >= 0}). An item without a point has no
 * location (the radius filter drops it, the re-ranker ranks it after located items); an item
 * without a preparation time takes the {@link EtaModel}'s default. Immutable.
 */
public final class ItemLocations {

  /** The standard name of the items' coordinates column (kind GEO_POINT). */
  public static final String LOCATION = "location";

  /** The standard name of the items' preparation-time column (numeric, minutes). */
  public static final String PREP_MINUTES = "prep_minutes";

  private final GeoPoint[] points;
  private final double[] prepMinutes;
  private final int located;

  private ItemLocations(GeoPoint[] points, double[] prepMinutes) {
    this.points = points;
    this.prepMinutes = prepMinutes;
    int n = 0;
    for (GeoPoint p : points) {
      n += p == null ? 0 : 1;
    }
    this.located = n;
  }

  /**
   * The locations in {@code attrs}' standard columns ({@value #LOCATION}, and {@value
   * #PREP_MINUTES} when present).
   *
   * @throws ParameterException naming the column when {@value #LOCATION} is missing or not a
   *     GEO_POINT column, or a preparation time is negative
   */
  public static ItemLocations of(ItemAttributes attrs) {
    return of(attrs, LOCATION, PREP_MINUTES);
  }

  /**
   * The locations in {@code attrs}' column {@code locationColumn}, with preparation times from
   * numeric column {@code prepColumn} when it exists (null: none).
   *
   * @throws ParameterException naming the column when the location column is missing or not a
   *     GEO_POINT column, the preparation column is not numeric, or a preparation time is negative
   */
  public static ItemLocations of(ItemAttributes attrs, String locationColumn, String prepColumn) {
    Optional<AttributeColumn> loc = attrs.column(locationColumn);
    if (loc.isEmpty() || loc.get().kind() != AttributeColumn.Kind.GEO_POINT) {
      throw new ParameterException(
          locationColumn,
          (loc.isEmpty()
                  ? "is not an item attribute column (the columns are " + attrs.columnNames() + ")"
                  : "is a " + loc.get().kind() + " column, not GEO_POINT")
              + "; location-aware stages need the items' coordinates in a GEO_POINT column named '"
              + locationColumn
              + "'");
    }
    int n = attrs.numItems();
    GeoPoint[] points = new GeoPoint[n];
    double[] prep = new double[n];
    boolean hasPrep = prepColumn != null && attrs.column(prepColumn).isPresent();
    for (int i = 0; i < n; i++) {
      points[i] = attrs.geoPoint(locationColumn, i).orElse(null);
      prep[i] = Double.NaN;
      if (hasPrep) {
        OptionalDouble v = attrs.number(prepColumn, i);
        if (v.isPresent()) {
          if (!(v.getAsDouble() >= 0)) {
            throw new ParameterException(
                prepColumn,
                "must be >= 0 minutes, got "
                    + v.getAsDouble()
                    + " for item index "
                    + i
                    + "; give the preparation time in minutes, or no value for the default");
          }
          prep[i] = v.getAsDouble();
        }
      }
    }
    return new ItemLocations(points, prep);
  }

  /**
   * The locations in the catalogue {@code model} was trained with.
   *
   * @throws ParameterException naming {@value #LOCATION} when the model kept no catalogue or the
   *     catalogue has no such column
   */
  public static ItemLocations of(Recommender model) {
    ItemAttributes attrs =
        model
            .capability(TrainingData.class)
            .map(TrainingData::itemAttributes)
            .orElseGet(() -> ItemAttributes.none(model.items().size()));
    return of(attrs);
  }

  /** Locations from arrays (null point: none; NaN preparation time: the default). */
  public static ItemLocations of(GeoPoint[] points, double[] prepMinutes) {
    if (prepMinutes != null && prepMinutes.length != points.length) {
      throw new ParameterException(
          PREP_MINUTES,
          "has "
              + prepMinutes.length
              + " values for "
              + points.length
              + " items; give one per item (NaN for the default)");
    }
    double[] prep = new double[points.length];
    java.util.Arrays.fill(prep, Double.NaN);
    if (prepMinutes != null) {
      for (int i = 0; i < prep.length; i++) {
        if (prepMinutes[i] < 0) {
          throw new ParameterException(
              PREP_MINUTES, "must be >= 0 minutes, got " + prepMinutes[i] + " for item index " + i);
        }
        prep[i] = prepMinutes[i];
      }
    }
    return new ItemLocations(points.clone(), prep);
  }

  /** The number of items covered. */
  public int numItems() {
    return points.length;
  }

  /** The number of items with a point. */
  public int numLocated() {
    return located;
  }

  /** The point of {@code item}, or null when it has none. */
  public GeoPoint point(int item) {
    return points[item];
  }

  /** The preparation time of {@code item} in minutes, NaN when the catalogue has none. */
  public double prepMinutes(int item) {
    return prepMinutes[item];
  }

  /** The distance in km from {@code from} to {@code item}, NaN when the item has no point. */
  public double distanceKm(GeoPoint from, int item) {
    GeoPoint p = points[item];
    return p == null ? Double.NaN : from.distanceKm(p);
  }
}
