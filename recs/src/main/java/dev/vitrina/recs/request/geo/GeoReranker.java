package dev.vitrina.recs.request.geo;

import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.recs.request.Candidate;
import dev.vitrina.recs.request.Places;
import dev.vitrina.recs.request.Reason;
import dev.vitrina.recs.request.RequestState;
import dev.vitrina.recs.request.Reranker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Weighs relevance by distance: each candidate's new score is {@code relevance x decay(d)}, where
 * relevance is the candidate's incoming score scaled to [0, 1] within the request (min-max; 1 for
 * all when the scores are equal) and {@code d} is the distance in km from the user.
 *
 * <p>The user is at the request's point (given, or its named context resolved by the pipeline); for
 * a request without one, at the nearest of the user's {@link Places} (home, office, centre: {@code
 * d} is the distance to the closest), when {@code places} knows the user. Without either, the stage
 * does not apply.
 *
 * <p>Every located candidate gains a {@link Reason#distance} reason with its distance and ETA
 * ({@link EtaModel}, at the request's time), as its first reason: in a location-aware feed where an
 * item is and when it arrives is what the user reads first. Candidates without coordinates keep
 * their relative order and come after all located ones, with score 0. Returns all candidates, best
 * first; ties keep the incoming order. Immutable and thread-safe.
 */
public final class GeoReranker implements Reranker {

  private final ItemLocations locations;
  private final DistanceDecay decay;
  private final EtaModel eta;
  private final UserAnchors anchors;

  private GeoReranker(
      ItemLocations locations, DistanceDecay decay, EtaModel eta, UserAnchors anchors) {
    this.locations = Objects.requireNonNull(locations, "locations");
    this.decay = Objects.requireNonNull(decay, "decay");
    this.eta = Objects.requireNonNull(eta, "eta");
    this.anchors = Objects.requireNonNull(anchors, "anchors");
  }

  /**
   * A re-ranker with the {@link DistanceDecay#DEFAULT fitted decay}, the {@link EtaModel#defaults
   * default ETA model}, for requests with a location only.
   */
  public static GeoReranker of(ItemLocations locations) {
    return new GeoReranker(
        locations, DistanceDecay.DEFAULT, EtaModel.defaults(), UserAnchors.none());
  }

  /**
   * A re-ranker with the given decay and ETA model; {@code places} (may be {@link Places#none()})
   * locate a user whose request carries no location ({@link UserAnchors#places}).
   */
  public static GeoReranker of(
      ItemLocations locations, DistanceDecay decay, EtaModel eta, Places places) {
    return new GeoReranker(locations, decay, eta, UserAnchors.places(places));
  }

  /**
   * A re-ranker with the given decay and ETA model; {@code anchors} locate a user whose request
   * carries no location.
   */
  public static GeoReranker of(
      ItemLocations locations, DistanceDecay decay, EtaModel eta, UserAnchors anchors) {
    return new GeoReranker(locations, decay, eta, anchors);
  }

  /** The decay in use. */
  public DistanceDecay decay() {
    return decay;
  }

  @Override
  public String name() {
    return "geo";
  }

  @Override
  public boolean applies(RequestState state) {
    return anchors(state).length > 0;
  }

  /** Where the user is for this request: the request's point, else the user's places. */
  GeoPoint[] anchors(RequestState state) {
    if (state.hasLocation()) {
      return new GeoPoint[] {state.location()};
    }
    return anchors.of(state);
  }

  @Override
  public List<Candidate> rerank(RequestState state, List<Candidate> in, int k) {
    GeoPoint[] from = anchors(state);
    if (from.length == 0 || in.isEmpty()) {
      return in;
    }
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    for (Candidate c : in) {
      lo = Math.min(lo, c.score());
      hi = Math.max(hi, c.score());
    }
    int n = in.size();
    double[] score = new double[n];
    Candidate[] out = new Candidate[n];
    for (int j = 0; j < n; j++) {
      Candidate c = in.get(j);
      double rel = hi > lo ? (c.score() - lo) / (double) (hi - lo) : 1.0;
      double km = Double.NaN;
      for (GeoPoint p : from) {
        double d = locations.distanceKm(p, c.item());
        if (!Double.isNaN(d) && !(d >= km)) {
          km = d;
        }
      }
      if (Double.isNaN(km)) {
        score[j] = Double.NEGATIVE_INFINITY;
        out[j] = c.withScore(0f);
      } else {
        score[j] = rel * decay.factor(km);
        double minutes = eta.minutes(km, locations.prepMinutes(c.item()), state.time());
        out[j] = c.withScore((float) score[j]).withLeadingReason(Reason.distance(km, minutes));
      }
    }
    Integer[] order = new Integer[n];
    for (int j = 0; j < n; j++) {
      order[j] = j;
    }
    Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
    List<Candidate> result = new ArrayList<>(n);
    for (int j : order) {
      result.add(out[j]);
    }
    return result;
  }
}
