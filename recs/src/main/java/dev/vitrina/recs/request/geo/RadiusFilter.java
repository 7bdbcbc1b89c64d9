package dev.vitrina.recs.request.geo;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.recs.request.Candidate;
import dev.vitrina.recs.request.CandidateFilter;
import dev.vitrina.recs.request.RequestState;
import java.util.Objects;

/**
 * Keeps only items that can be delivered to the request's location: those at most {@code radiusKm}
 * away (haversine). Applies only to requests with a location (a point, or a named context the
 * pipeline resolved to one). An item without coordinates cannot be delivered and is dropped.
 * Immutable and thread-safe.
 */
public final class RadiusFilter implements CandidateFilter {

  /** The default delivery radius in km. */
  public static final double DEFAULT_RADIUS_KM = 5;

  private final ItemLocations locations;
  private final double radiusKm;

  private RadiusFilter(ItemLocations locations, double radiusKm) {
    this.locations = Objects.requireNonNull(locations, "locations");
    if (!(radiusKm > 0) || Double.isInfinite(radiusKm)) {
      throw new ParameterException(
          "radius_km", "must be a finite number > 0, got " + radiusKm + "; e.g. 5 km");
    }
    this.radiusKm = radiusKm;
  }

  /**
   * A filter with delivery radius {@code radiusKm}.
   *
   * @throws ParameterException naming {@code radius_km} when it is not a finite number {@code > 0}
   */
  public static RadiusFilter of(ItemLocations locations, double radiusKm) {
    return new RadiusFilter(locations, radiusKm);
  }

  /** The radius in km. */
  public double radiusKm() {
    return radiusKm;
  }

  @Override
  public String name() {
    return "radius";
  }

  @Override
  public boolean applies(RequestState state) {
    return state.hasLocation();
  }

  @Override
  public boolean keep(RequestState state, Candidate candidate) {
    double d = locations.distanceKm(state.location(), candidate.item());
    return d <= radiusKm;
  }
}
