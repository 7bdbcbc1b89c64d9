package dev.vitrina.recs.request.geo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.data.AttributeColumn;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.request.RecRequest;
import dev.vitrina.recs.request.RecResponse;
import dev.vitrina.recs.request.RequestPipeline;
import dev.vitrina.synth.DeliveryOutlets;
import dev.vitrina.synth.Preset;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The synthetic marketplace's delivery outlets (3 cities, 20 outlets each, 300 customers): a feed
 * for a customer at their home ranks only outlets within the delivery radius and states each ETA.
 */
class DeliveryFeedTest {

  private static final long SEED = 11;
  private static final Instant NOON_UTC = Instant.parse("2024-03-01T12:00:00Z");

  @Test
  void aDeliveryFeedRanksOnlyOutletsWithinTheRadiusAndStatesEachEta() {
    List<DeliveryOutlets.Outlet> outlets = DeliveryOutlets.outlets(Preset.TINY, SEED, 20);
    List<DeliveryOutlets.Customer> customers = DeliveryOutlets.customers(Preset.TINY, SEED, 300);
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    for (DeliveryOutlets.Outlet o : outlets) {
      b.declareItem(o.id());
    }
    for (DeliveryOutlets.Order o : DeliveryOutlets.orders(customers, outlets, SEED, 8)) {
      b.add(o.userId(), o.outletId(), 1);
    }
    Interactions base = b.build();
    GeoPoint[] pts = new GeoPoint[base.numItems()];
    double[] prep = new double[base.numItems()];
    Map<String, DeliveryOutlets.Outlet> byId = new HashMap<>();
    for (DeliveryOutlets.Outlet o : outlets) {
      int i = base.items().find(o.id()).getAsInt();
      pts[i] = o.point();
      prep[i] = o.prepMinutes();
      byId.put(o.id(), o);
    }
    Interactions data =
        GeoFixture.withColumns(
            base,
            List.of(
                AttributeColumn.geoPoints(ItemLocations.LOCATION, pts),
                AttributeColumn.numeric(ItemLocations.PREP_MINUTES, prep)));
    Recommender model = RecsModels.trainer("ease", Map.of()).fit(data);
    ItemLocations locs = ItemLocations.of(model);
    double radius = 4;
    RequestPipeline feed =
        RequestPipeline.builder(model)
            .reranker(GeoReranker.of(locs))
            .filter(RadiusFilter.of(locs, radius))
            .build();
    RequestPipeline plain = RequestPipeline.builder(model).build();

    DeliveryOutlets.Customer c = customers.get(0);
    GeoPoint home = c.home();
    Set<String> seen =
        java.util.Arrays.stream(
                model
                    .capability(dev.vitrina.recs.model.TrainingData.class)
                    .orElseThrow()
                    .history(model.users().find(c.userId()).getAsInt()))
            .mapToObj(i -> model.items().id(i))
            .collect(Collectors.toSet());
    Set<String> reachable =
        outlets.stream()
            .filter(o -> home.distanceKm(o.point()) <= radius && !seen.contains(o.id()))
            .map(DeliveryOutlets.Outlet::id)
            .collect(Collectors.toSet());

    RecResponse r = feed.recommend(RecRequest.forUser(c.userId(), 60).at(home).at(NOON_UTC));
    RecResponse all = plain.recommend(RecRequest.forUser(c.userId(), 60).at(home).at(NOON_UTC));
    // without the filter the model proposes outlets beyond the radius; with it, exactly the
    // reachable outlets the user has not ordered from, each with its distance and ETA
    assertThat(all.itemIds()).anyMatch(id -> home.distanceKm(byId.get(id).point()) > radius);
    assertThat(reachable).isNotEmpty();
    assertThat(r.itemIds()).containsExactlyInAnyOrderElementsOf(reachable);
    assertThat(r.stages()).containsExactly("model", "geo");
    for (RecResponse.Item item : r.items()) {
      DeliveryOutlets.Outlet o = byId.get(item.item());
      double km = home.distanceKm(o.point());
      Map<String, Object> d = item.reasons().get(0).detail();
      assertThat(item.reasons().get(0).kind()).isEqualTo("distance");
      assertThat((double) d.get("km")).isEqualTo(Math.round(km * 100) / 100.0);
      // noon UTC: 25 km/h; the outlet's own preparation time
      double eta = o.prepMinutes() + 60 * km / 25;
      assertThat((double) d.get("eta_min")).isEqualTo(Math.round(eta * 10) / 10.0);
    }
    // scores fall along the list (relevance x decay)
    for (int j = 1; j < r.items().size(); j++) {
      assertThat(r.items().get(j).score()).isLessThanOrEqualTo(r.items().get(j - 1).score());
    }
  }
}
