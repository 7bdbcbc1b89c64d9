package dev.vitrina.recs.request.geo;

import static dev.vitrina.recs.request.geo.GeoFixture.USER_POINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.recs.data.AttributeColumn;
import dev.vitrina.recs.data.ItemAttributes;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.request.Candidate;
import dev.vitrina.recs.request.Places;
import dev.vitrina.recs.request.Reason;
import dev.vitrina.recs.request.RecRequest;
import dev.vitrina.recs.request.RecResponse;
import dev.vitrina.recs.request.RequestPipeline;
import dev.vitrina.recs.request.RequestState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeoStagesTest {

  private static final Instant NOON_UTC = Instant.parse("2024-03-01T12:00:00Z");

  private static RecRequest atUserPoint(int k) {
    return RecRequest.forUser(null, k).at(USER_POINT).at(NOON_UTC).explained(true);
  }

  private static Map<String, Object> distance(RecResponse.Item item) {
    return item.reasons().stream()
        .filter(r -> r.kind().equals("distance"))
        .findFirst()
        .orElseThrow()
        .detail();
  }

  @Test
  void etaIsPreparationPlusDistanceOverTheHoursSpeed() {
    EtaModel eta = EtaModel.defaults();
    // 6 km at noon UTC (25 km/h): 15 + 60 * 6 / 25 = 29.4; at 08:00 (15 km/h): 15 + 24 = 39
    assertThat(eta.minutes(6, Double.NaN, NOON_UTC)).isCloseTo(29.4, within(1e-9));
    assertThat(eta.minutes(6, Double.NaN, Instant.parse("2024-03-01T08:00:00Z")))
        .isCloseTo(39, within(1e-9));
    // 23:00 (30 km/h) with the item's own 10 minutes: 10 + 12 = 22
    assertThat(eta.minutes(6, 10, Instant.parse("2024-03-01T23:00:00Z")))
        .isCloseTo(22, within(1e-9));
    // 12:00 UTC is 20:00 in Singapore (25 km/h)
    assertThat(eta.inZone(ZoneId.of("Asia/Singapore")).minutes(6, Double.NaN, NOON_UTC))
        .isCloseTo(29.4, within(1e-9));
    assertThat(
            eta.inZone(ZoneId.of("Asia/Singapore"))
                .minutes(6, Double.NaN, Instant.parse("2024-03-01T10:00:00Z")))
        .isCloseTo(39, within(1e-9)); // 18:00 local: rush hour
  }

  @Test
  void decaysAreOneAtZeroAndHandComputedElsewhere() {
    assertThat(DistanceDecay.exponential(2).factor(0)).isEqualTo(1);
    assertThat(DistanceDecay.exponential(2).factor(2)).isCloseTo(Math.exp(-1), within(1e-12));
    assertThat(DistanceDecay.power(0.5, 2).factor(1.5)).isCloseTo(1 / 16.0, within(1e-12));
    assertThat(DistanceDecay.grid()).hasSize(32).contains(DistanceDecay.DEFAULT);
  }

  @Test
  void aFloorKeepsAShareOfTheWeightFarAway() {
    DistanceDecay d = DistanceDecay.exponential(2).withFloor(0.2);
    assertThat(d.factor(0)).isEqualTo(1);
    assertThat(d.factor(2)).isCloseTo(0.2 + 0.8 * Math.exp(-1), within(1e-12));
    assertThat(d.factor(1e6)).isCloseTo(0.2, within(1e-12));
    assertThat(new DistanceDecay(DistanceDecay.Shape.POWER, 0.1, 0.5).floor()).isZero();
    assertThat(DistanceDecay.power(1, 1).withFloor(0.25).toString())
        .isEqualTo("0.250000+0.750000*" + DistanceDecay.power(1, 1));
    List<DistanceDecay> grid = DistanceDecay.grid(0, 0.5);
    assertThat(grid)
        .hasSize(64)
        .contains(DistanceDecay.DEFAULT, DistanceDecay.DEFAULT.withFloor(0.5));
    assertThatThrownBy(() -> DistanceDecay.exponential(1).withFloor(1))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("decay_floor ")
        .hasMessageContaining("got 1.0");
    assertThatThrownBy(() -> DistanceDecay.grid(new double[0]))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("decay_floors ");
  }

  @Test
  void geoRerankerWithAFloorLetsARelevantFarItemBackIn() {
    Recommender model = GeoFixture.popular();
    ItemLocations locs = ItemLocations.of(model);
    RequestPipeline p =
        RequestPipeline.builder(model)
            .reranker(
                GeoReranker.of(
                    locs,
                    DistanceDecay.exponential(2).withFloor(0.2),
                    EtaModel.defaults(),
                    Places.none()))
            .build();
    // relevance x (0.2 + 0.8 exp(-km/2)): C .5 x .494 = .247, D .75 x .308 = .231, E 1 x .215 =
    // .215, B .25 x .685 = .171, A 0 (without the floor: C, B, D, E, A)
    RecResponse r = p.recommend(atUserPoint(5));
    assertThat(r.itemIds()).containsExactly("C", "D", "E", "B", "A");
    assertThat(r.items().get(2).score())
        .isCloseTo((float) (0.2 + 0.8 * Math.exp(-4)), within(1e-6f));
  }

  @Test
  void geoRerankerMultipliesScaledRelevanceByTheDecayAndStatesDistanceAndEta() {
    Recommender model = GeoFixture.popular();
    ItemLocations locs = ItemLocations.of(model);
    RequestPipeline p =
        RequestPipeline.builder(model)
            .reranker(
                GeoReranker.of(
                    locs, DistanceDecay.exponential(2), EtaModel.defaults(), Places.none()))
            .build();
    RecResponse plain = RequestPipeline.builder(model).build().recommend(atUserPoint(5));
    assertThat(plain.itemIds()).containsExactly("E", "D", "C", "B", "A");

    RecResponse r = p.recommend(atUserPoint(5));
    // relevance (popularity 1..5 scaled to 0..1) x exp(-km/2): C .5e^-1 = .184, B .25e^-.5 =
    // .152, D .75e^-2 = .102, E e^-4 = .018, A 0
    assertThat(r.itemIds()).containsExactly("C", "B", "D", "E", "A");
    assertThat(r.items().get(0).score()).isCloseTo((float) (0.5 * Math.exp(-1)), within(1e-6f));
    assertThat(r.stages()).containsExactly("model", "geo");
    assertThat(r.location()).isEqualTo(new RecResponse.Location(1.30, 103.80, "point"));
    // the distance reason leads; ETA at noon UTC: 25 km/h, C prepares in 30 minutes
    assertThat(r.items().get(0).reasons().get(0)).isEqualTo(Reason.distance(2, 34.8));
    assertThat(r.items().get(0).reasons().get(1).kind()).isEqualTo("popular");
    assertThat(distance(r.items().get(1))).containsEntry("km", 1.0).containsEntry("eta_min", 17.4);
    assertThat(distance(r.items().get(3))).containsEntry("km", 8.0).containsEntry("eta_min", 34.2);
  }

  @Test
  void geoRerankerDoesNotApplyWithoutALocationOrPlaces() {
    Recommender model = GeoFixture.popular();
    RequestPipeline p =
        RequestPipeline.builder(model).reranker(GeoReranker.of(ItemLocations.of(model))).build();
    RecResponse r = p.recommend(RecRequest.forUser("u1", 3));
    assertThat(r.stages()).containsExactly("model");
  }

  @Test
  void unlocatedCandidatesComeLastInTheirOrder() {
    Recommender model = GeoFixture.popular();
    GeoPoint[] pts = new GeoPoint[5];
    pts[model.items().find("A").getAsInt()] = GeoFixture.north(USER_POINT, 3);
    ItemLocations locs = ItemLocations.of(pts, null);
    RequestPipeline p = RequestPipeline.builder(model).build();
    RequestState state = p.resolve(atUserPoint(5));
    int a = model.items().find("A").getAsInt();
    int e = model.items().find("E").getAsInt();
    int d = model.items().find("D").getAsInt();
    List<Candidate> in =
        List.of(
            Candidate.of(e, 5, Reason.profile("x")),
            Candidate.of(d, 4, Reason.profile("x")),
            Candidate.of(a, 1, Reason.profile("x")));
    List<Candidate> out =
        GeoReranker.of(locs, DistanceDecay.exponential(1), EtaModel.defaults(), Places.none())
            .rerank(state, in, 3);
    assertThat(out).extracting(Candidate::item).containsExactly(a, e, d);
    assertThat(out.get(1).score()).isZero();
    assertThat(out.get(1).reasons()).containsExactly(Reason.profile("x"));
  }

  @Test
  void radiusFilterKeepsOnlyItemsWithinTheRadius() {
    Recommender model = GeoFixture.popular();
    ItemLocations locs = ItemLocations.of(model);
    RequestPipeline p =
        RequestPipeline.builder(model)
            .reranker(
                GeoReranker.of(
                    locs, DistanceDecay.exponential(2), EtaModel.defaults(), Places.none()))
            .filter(RadiusFilter.of(locs, 3))
            .build();
    RecResponse r = p.recommend(atUserPoint(5));
    assertThat(r.itemIds()).containsExactly("C", "B", "A");
    assertThat(r.items()).allSatisfy(i -> assertThat((double) distance(i).get("km")).isLessThan(3));
    // without a location the filter does not apply
    RecResponse all = p.recommend(RecRequest.forUser(null, 5));
    assertThat(all.itemIds()).hasSize(5);
  }

  @Test
  void radiusFilterDropsItemsWithoutCoordinates() {
    Recommender model = GeoFixture.popular();
    GeoPoint[] pts = new GeoPoint[5];
    pts[model.items().find("A").getAsInt()] = USER_POINT;
    RequestPipeline p =
        RequestPipeline.builder(model)
            .filter(RadiusFilter.of(ItemLocations.of(pts, null), 100))
            .build();
    assertThat(p.recommend(atUserPoint(5)).itemIds()).containsExactly("A");
  }

  @Test
  void nearbySourceListsPopularItemsNearestFirst() {
    Recommender model = GeoFixture.popular();
    ItemLocations locs = ItemLocations.of(model);
    NearbySource src = NearbySource.of(model, locs, Places.none(), EtaModel.defaults(), 3);
    RequestState state = RequestPipeline.builder(model).build().resolve(atUserPoint(5));
    List<Candidate> c = src.candidates(state, 5);
    // C, D, E have >= 3 users; 2, 4 and 8 km away
    assertThat(c).extracting(x -> model.items().id(x.item())).containsExactly("C", "D", "E");
    assertThat(c).extracting(Candidate::score).containsExactly(-2f, -4f, -8f);
    assertThat(c.get(0).reasons()).containsExactly(Reason.distance(2, 34.8));
    assertThat(src.candidates(state, 2)).hasSize(2);
    // an anonymous request without a point has no anchor
    RequestState none = RequestPipeline.builder(model).build().resolve(RecRequest.forUser(null, 5));
    assertThat(src.applies(none)).isFalse();
  }

  @Test
  void itemLocationsReadTheStandardColumns() {
    ItemLocations locs = ItemLocations.of(GeoFixture.popular());
    assertThat(locs.numItems()).isEqualTo(5);
    assertThat(locs.numLocated()).isEqualTo(5);
    assertThat(locs.prepMinutes(2)).isEqualTo(30);
    assertThat(locs.prepMinutes(0)).isNaN();
  }

  @Test
  void badInputNamesTheParameter() {
    ItemLocations locs = ItemLocations.of(GeoFixture.popular());
    assertThatThrownBy(() -> RadiusFilter.of(locs, 0))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("radius_km ")
        .hasMessageContaining("got 0.0");
    assertThatThrownBy(() -> DistanceDecay.exponential(-1))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("decay_scale_km ");
    assertThatThrownBy(() -> DistanceDecay.power(1, 0))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("decay_exponent ");
    assertThatThrownBy(() -> new EtaModel(15, new double[23], ZoneId.of("UTC")))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("speed_kmh ")
        .hasMessageContaining("24 values), got 23");
    assertThatThrownBy(() -> EtaModel.of(15, 0, ZoneId.of("UTC")))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("got 0.0 for hour 0");
    assertThatThrownBy(() -> EtaModel.of(-1, 20, ZoneId.of("UTC")))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("prep_minutes ");
    assertThatThrownBy(
            () ->
                NearbySource.of(GeoFixture.popular(), locs, Places.none(), EtaModel.defaults(), 0))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("min_users ");
    assertThatThrownBy(() -> ItemLocations.of(ItemAttributes.none(3)))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("location ")
        .hasMessageContaining("GEO_POINT");
    ItemAttributes text =
        ItemAttributes.none(1).withColumn(AttributeColumn.texts("location", new String[] {"x"}));
    assertThatThrownBy(() -> ItemLocations.of(text))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("is a TEXT column");
    ItemAttributes negative =
        ItemAttributes.none(1)
            .withColumn(AttributeColumn.geoPoints("location", new GeoPoint[] {USER_POINT}))
            .withColumn(AttributeColumn.numeric("prep_minutes", new double[] {-5}));
    assertThatThrownBy(() -> ItemLocations.of(negative))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("prep_minutes ")
        .hasMessageContaining("-5.0 for item index 0");
  }

  @Test
  void aRequestPointOutOfRangeNamesLatOrLon() {
    assertThatThrownBy(() -> RecRequest.forUser("u1", 5).at(new GeoPoint(95, 103.8)))
        .isInstanceOf(ParameterException.class)
        .satisfies(e -> assertThat(((ParameterException) e).parameter()).isEqualTo("lat"));
    assertThatThrownBy(() -> RecRequest.forUser("u1", 5).at(new GeoPoint(1.3, 200)))
        .isInstanceOf(ParameterException.class)
        .satisfies(e -> assertThat(((ParameterException) e).parameter()).isEqualTo("lon"));
  }
}
