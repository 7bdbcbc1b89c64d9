package dev.vitrina.core.geo;

import dev.vitrina.core.check.ParameterException;

/**
 * A point on the Earth in decimal degrees (WGS 84), e.g. where a user stands or where a store is.
 *
 * @param lat latitude in [-90, 90]
 * @param lon longitude in [-180, 180]
 * @throws ParameterException naming {@code lat} or {@code lon} when a coordinate is out of range
 *     (or NaN), so that a front end can name its own option
 */
public record GeoPoint(double lat, double lon) {

  /** The mean Earth radius in kilometres used by {@link #distanceKm}. */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  public GeoPoint {
    if (!(lat >= -90 && lat <= 90)) {
      throw new ParameterException(
          "lat",
          "(latitude) must be in [-90, 90] degrees, got " + lat + "; e.g. 1.3521 for Singapore");
    }
    if (!(lon >= -180 && lon <= 180)) {
      throw new ParameterException(
          "lon",
          "(longitude) must be in [-180, 180] degrees, got "
              + lon
              + "; e.g. 103.8198 for Singapore");
    }
  }

  /** The great-circle distance to {@code other} in kilometres (haversine formula). */
  public double distanceKm(GeoPoint other) {
    double p1 = Math.toRadians(lat);
    double p2 = Math.toRadians(other.lat);
    double dp = p2 - p1;
    double dl = Math.toRadians(other.lon - lon);
    double h =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
