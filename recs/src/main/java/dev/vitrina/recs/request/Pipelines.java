package dev.vitrina.recs.request;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.recs.model.Recommender;

/**
 * The standard request pipeline of a fitted model: the model as candidate source, then the stages
 * the model and its catalogue support. This is what {@code vitrina recs recommend}, the page
 * composer and the HTTP service call.
 */
public final class Pipelines {

  private Pipelines() {}

  /** The standard pipeline for {@code model}. */
  public static RequestPipeline standard(Recommender model) {
    return RequestPipeline.builder(model).build();
  }

  /**
   * A request location from user input.
   *
   * @throws ParameterException naming {@code lat} or {@code lon} when out of range
   */
  public static GeoPoint point(double lat, double lon) {
    if (!(lat >= -90 && lat <= 90)) {
      throw new ParameterException(
          "lat", "must be in [-90, 90] degrees, got " + lat + "; e.g. 1.3521 for Singapore");
    }
    if (!(lon >= -180 && lon <= 180)) {
      throw new ParameterException(
          "lon", "must be in [-180, 180] degrees, got " + lon + "; e.g. 103.8198 for Singapore");
    }
    return new GeoPoint(lat, lon);
  }
}
