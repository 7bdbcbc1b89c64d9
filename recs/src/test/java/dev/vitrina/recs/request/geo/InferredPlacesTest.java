package dev.vitrina.recs.request.geo;

import static dev.vitrina.recs.request.geo.GeoFixture.north;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.recs.data.AttributeColumn;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.popular.PopularConfig;
import dev.vitrina.recs.popular.PopularTrainer;
import dev.vitrina.recs.request.RecRequest;
import dev.vitrina.recs.request.RecResponse;
import dev.vitrina.recs.request.RequestPipeline;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * User h visited H1..H4 (0, 0.1, 0.2, 0.3 km north of P), O1..O3 (10, 10.1, 10.2 km north) and X
 * (30 km north); user z only X.
 */
class InferredPlacesTest {

  private static final GeoPoint P = new GeoPoint(1.28, 103.85);
  private static final String[] ITEMS = {"H1", "H2", "H3", "H4", "O1", "O2", "O3", "X"};
  private static final double[] KM = {0, 0.1, 0.2, 0.3, 10, 10.1, 10.2, 30};

  private static Recommender model() {
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    for (String i : ITEMS) {
      b.add("h", i, 1);
    }
    b.add("z", "X", 1);
    Interactions base = b.build();
    GeoPoint[] pts = new GeoPoint[ITEMS.length];
    for (int i = 0; i < ITEMS.length; i++) {
      pts[base.items().find(ITEMS[i]).getAsInt()] = north(P, KM[i]);
    }
    return new PopularTrainer(PopularConfig.defaults())
        .fit(
            GeoFixture.withColumns(
                base, List.of(AttributeColumn.geoPoints(ItemLocations.LOCATION, pts))));
  }

  private static InferredPlaces places(Recommender m) {
    return InferredPlaces.of(m, ItemLocations.of(m), InferredPlaces.Config.DEFAULT);
  }

  private static void assertAt(GeoPoint p, double kmNorth) {
    assertThat(p.lon()).isCloseTo(P.lon(), within(1e-12));
    assertThat(p.lat()).isCloseTo(north(P, kmNorth).lat(), within(1e-9));
  }

  @Test
  void theTwoLargestClustersAreHomeAndOfficeAndTheMeanIsTheCentre() {
    Recommender m = model();
    InferredPlaces pl = places(m);
    int h = m.users().find("h").getAsInt();
    assertThat(pl.names(h)).containsExactly("home", "office", "centre");
    assertAt(pl.place(h, "home").orElseThrow(), 0.15); // mean of H1..H4
    assertAt(pl.place(h, "office").orElseThrow(), 10.1); // mean of O1..O3
    assertAt(pl.place(h, "centre").orElseThrow(), 60.9 / 8); // mean of all eight
    assertThat(pl.place(h, "gym")).isEmpty();
    int z = m.users().find("z").getAsInt();
    assertThat(pl.names(z)).containsExactly("centre"); // one venue: no cluster
    assertThat(pl.names(-1)).isEmpty();
  }

  @Test
  void equalClustersAreOrderedByTheirFirstVisit() {
    List<GeoPoint> pts =
        List.of(
            north(P, 5), north(P, 5.1), north(P, 5.2), north(P, 0), north(P, 0.1), north(P, 0.2));
    GeoPoint[] r = InferredPlaces.infer(pts, new InferredPlaces.Config(1, 3));
    assertAt(r[0], 5.1);
    assertAt(r[1], 0.1);
    // minPoints 4: no core point, so neither home nor office
    GeoPoint[] none = InferredPlaces.infer(pts, new InferredPlaces.Config(1, 4));
    assertThat(none[0]).isNull();
    assertThat(none[1]).isNull();
    assertAt(none[2], 2.6);
  }

  @Test
  void theRequestsContextResolvesThroughThePlacesAndAnUnknownOneIsAnError() {
    Recommender m = model();
    InferredPlaces pl = places(m);
    RequestPipeline p = RequestPipeline.builder(m).places(pl).build();
    assertAt(p.resolve(RecRequest.forUser("h", 3).atContext("office")).location(), 10.1);
    assertThatThrownBy(() -> p.resolve(RecRequest.forUser("h", 3).atContext("gym")))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("context 'gym' is not a location of user 'h'")
        .hasMessageContaining("[home, office, centre]");
    assertThatThrownBy(() -> p.resolve(RecRequest.forUser("z", 3).atContext("home")))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("[centre]");
  }

  @Test
  void withoutAPointTheRerankerMeasuresFromTheNearestPlaceAndAPointOverrides() {
    Recommender m = model();
    InferredPlaces pl = places(m);
    ItemLocations locs = ItemLocations.of(m);
    RequestPipeline p =
        RequestPipeline.builder(m)
            .places(pl)
            .reranker(GeoReranker.of(locs, DistanceDecay.exponential(1), EtaModel.defaults(), pl))
            .build();
    Instant t = Instant.parse("2024-03-01T12:00:00Z");
    // z's only place is its centre, X (30 km): H1 is 30 km away, O3 19.8 km
    RecResponse r = p.recommend(RecRequest.forUser("z", 7).at(t).explained(true));
    assertThat(r.stages()).contains("geo");
    assertThat(km(r, "H1")).isEqualTo(30.0);
    assertThat(km(r, "O3")).isEqualTo(19.8);
    // a point in the request overrides the places
    RecResponse at = p.recommend(RecRequest.forUser("z", 7).at(P).at(t).explained(true));
    assertThat(km(at, "H1")).isEqualTo(0.0);
    assertThat(at.itemIds().get(0)).isEqualTo("H1");
    // a named context is measured from that place only
    RecResponse office = p.recommend(RecRequest.forUser("h", 7).atContext("office").at(t));
    assertThat(office.location().label()).isEqualTo("office");
  }

  private static double km(RecResponse r, String item) {
    Map<String, Object> d =
        r.items().stream()
            .filter(i -> i.item().equals(item))
            .findFirst()
            .orElseThrow()
            .reasons()
            .get(0)
            .detail();
    return (double) d.get("km");
  }

  @Test
  void badConfigNamesTheParameter() {
    assertThatThrownBy(() -> new InferredPlaces.Config(0, 3))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("eps_km ");
    assertThatThrownBy(() -> new InferredPlaces.Config(1, 0))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("min_points ");
  }
}
