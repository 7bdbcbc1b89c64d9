package dev.vitrina.recs.request.geo;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.TrainingData;
import dev.vitrina.recs.request.Candidate;
import dev.vitrina.recs.request.CandidateSource;
import dev.vitrina.recs.request.Places;
import dev.vitrina.recs.request.Reason;
import dev.vitrina.recs.request.RequestState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Pure distance: the popular items nearest to the user, nearest first. An item is popular when at
 * least {@code minUsers} training users have it. The user is at the request's point, else at their
 * {@link InferredPlaces#CENTRE centre} in {@code places}; without either the source does not apply.
 * Scores are {@code -distance in km} (larger is better); ties go to the more popular item, then the
 * lower index. Each candidate carries a {@link Reason#distance} reason. Immutable and thread-safe.
 */
public final class NearbySource implements CandidateSource {

  private final ItemLocations locations;
  private final Places places;
  private final EtaModel eta;
  private final int[] popular; // located items with >= minUsers users
  private final int[] users; // training users per item

  private NearbySource(ItemLocations locations, Places places, EtaModel eta, int[] users, int min) {
    this.locations = locations;
    this.places = places;
    this.eta = eta;
    this.users = users;
    this.popular =
        java.util.stream.IntStream.range(0, users.length)
            .filter(i -> users[i] >= min && locations.point(i) != null)
            .toArray();
  }

  /**
   * The source over {@code model}'s catalogue and training histories.
   *
   * @throws ParameterException naming {@code min_users} when it is below 1, or {@code model} when
   *     the model keeps no training histories
   */
  public static NearbySource of(
      Recommender model, ItemLocations locations, Places places, EtaModel eta, int minUsers) {
    if (minUsers < 1) {
      throw new ParameterException("min_users", "must be >= 1, got " + minUsers + "; e.g. 5");
    }
    Objects.requireNonNull(places, "places");
    Objects.requireNonNull(eta, "eta");
    TrainingData td =
        model
            .capability(TrainingData.class)
            .orElseThrow(
                () ->
                    new ParameterException(
                        "model",
                        "'"
                            + model.name()
                            + "' keeps no training histories; the nearby source counts each"
                            + " item's users from them"));
    int[] count = new int[model.items().size()];
    for (int u = 0; u < model.users().size(); u++) {
      for (int i : td.history(u)) {
        count[i]++;
      }
    }
    return new NearbySource(locations, places, eta, count, minUsers);
  }

  @Override
  public String name() {
    return "nearby";
  }

  @Override
  public boolean applies(RequestState state) {
    return anchor(state) != null;
  }

  private GeoPoint anchor(RequestState state) {
    if (state.hasLocation()) {
      return state.location();
    }
    return state.user() < 0 ? null : places.place(state.user(), InferredPlaces.CENTRE).orElse(null);
  }

  @Override
  public List<Candidate> candidates(RequestState state, int n) {
    GeoPoint from = anchor(state);
    if (from == null) {
      return List.of();
    }
    int m = 0;
    int[] items = new int[popular.length];
    double[] km = new double[popular.length];
    for (int i : popular) {
      if (state.allowed(i)) {
        items[m] = i;
        km[m] = locations.distanceKm(from, i);
        m++;
      }
    }
    Integer[] order = new Integer[m];
    for (int j = 0; j < m; j++) {
      order[j] = j;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int c = Double.compare(km[a], km[b]);
          if (c == 0) {
            c = Integer.compare(users[items[b]], users[items[a]]);
          }
          return c != 0 ? c : Integer.compare(items[a], items[b]);
        });
    List<Candidate> out = new ArrayList<>(Math.min(n, m));
    for (int j = 0; j < Math.min(n, m); j++) {
      int o = order[j];
      double minutes = eta.minutes(km[o], locations.prepMinutes(items[o]), state.time());
      out.add(Candidate.of(items[o], (float) -km[o], Reason.distance(km[o], minutes)));
    }
    return out;
  }
}
