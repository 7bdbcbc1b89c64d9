package dev.vitrina.recs.request.geo;

import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.recs.request.Places;
import dev.vitrina.recs.request.RequestState;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where a user is when the request carries no location: the points a {@link GeoReranker} measures
 * an item's distance from (the distance is to the nearest of them). Implementations are immutable
 * and thread-safe.
 */
@FunctionalInterface
public interface UserAnchors {

  /** The user's points for {@code state} (a request without a location); empty when none. */
  GeoPoint[] of(RequestState state);

  /** No anchors: the re-ranker applies only to requests with a location. */
  static UserAnchors none() {
    return s -> new GeoPoint[0];
  }

  /** The user's named places (e.g. {@link InferredPlaces}: home, office, centre). */
  static UserAnchors places(Places places) {
    Objects.requireNonNull(places, "places");
    return s ->
        s.user() < 0
            ? new GeoPoint[0]
            : places.names(s.user()).stream()
                .map(n -> places.place(s.user(), n).orElse(null))
                .filter(Objects::nonNull)
                .toArray(GeoPoint[]::new);
  }

  /**
   * Every located item of the user's training history: an item's distance is to the nearest venue
   * the user has been to. On Foursquare Singapore this ranks better than the clustered places (see
   * docs/formulations.md).
   */
  static UserAnchors history(ItemLocations locations) {
    Objects.requireNonNull(locations, "locations");
    return s ->
        Arrays.stream(s.history())
            .mapToObj(locations::point)
            .filter(Objects::nonNull)
            .toArray(GeoPoint[]::new);
  }
}
