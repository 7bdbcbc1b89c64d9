package dev.vitrina.cli.recs;

import dev.vitrina.cli.LibraryName;
import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.recs.request.Pipelines;
import picocli.CommandLine.Option;

/** Where the user is: {@code --lat} with {@code --lon} (shared by the request commands). */
final class LocationOptions {

  @LibraryName("lat")
  @Option(names = "--lat", description = "The user's latitude (with --lon).")
  Double lat;

  @LibraryName("lon")
  @Option(names = "--lon", description = "The user's longitude (with --lat).")
  Double lon;

  /** Whether a point was given. */
  boolean given() {
    return lat != null || lon != null;
  }

  /**
   * The point, or null when neither coordinate was given.
   *
   * @throws ParameterException naming the missing or out-of-range coordinate
   */
  GeoPoint point() {
    if (lat == null && lon == null) {
      return null;
    }
    if (lat == null || lon == null) {
      throw new ParameterException(
          lat == null ? "lat" : "lon", "is missing; give both --lat and --lon");
    }
    return Pipelines.point(lat, lon);
  }
}
