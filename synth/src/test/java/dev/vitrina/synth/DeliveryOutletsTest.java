package dev.vitrina.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vitrina.core.geo.GeoPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryOutletsTest {

  @Test
  void outletsLieWithinTheSpreadOfTheirStoreAndRepeatWithTheSeed() {
    List<DeliveryOutlets.Outlet> a = DeliveryOutlets.outlets(Preset.TINY, 7, 20);
    assertThat(a).hasSize(60);
    assertThat(a).isEqualTo(DeliveryOutlets.outlets(Preset.TINY, 7, 20));
    assertThat(a).isNotEqualTo(DeliveryOutlets.outlets(Preset.TINY, 8, 20));
    assertThat(a.get(0).id()).isEqualTo("CA_1_O0");
    GeoPoint la = new GeoPoint(34.0522, -118.2437);
    for (DeliveryOutlets.Outlet o : a) {
      assertThat(o.prepMinutes()).isBetween(5.0, 25.0);
      assertThat(o.appeal()).isPositive();
      if (o.storeId().equals("CA_1")) {
        assertThat(o.point().distanceKm(la)).isLessThanOrEqualTo(DeliveryOutlets.SPREAD_KM + 1e-9);
      }
    }
  }

  @Test
  void offsetMovesByTheGivenKilometres() {
    GeoPoint p = new GeoPoint(34.05, -118.24);
    assertThat(p.distanceKm(DeliveryOutlets.offset(p, 3, 0))).isCloseTo(3, within(1e-9));
    assertThat(p.distanceKm(DeliveryOutlets.offset(p, 0, 4))).isCloseTo(4, within(1e-3));
  }

  @Test
  void customersOrderOnlyFromTheirCity() {
    List<DeliveryOutlets.Outlet> outlets = DeliveryOutlets.outlets(Preset.TINY, 7, 20);
    List<DeliveryOutlets.Customer> cs = DeliveryOutlets.customers(Preset.TINY, 7, 50);
    List<DeliveryOutlets.Order> orders = DeliveryOutlets.orders(cs, outlets, 7, 5);
    assertThat(orders).isEqualTo(DeliveryOutlets.orders(cs, outlets, 7, 5));
    assertThat(orders.size()).isBetween(50, 500);
    for (DeliveryOutlets.Order o : orders) {
      String store = cs.get(Integer.parseInt(o.userId().substring(1))).storeId();
      assertThat(o.outletId()).startsWith(store + "_O");
    }
    assertThatThrownBy(() -> DeliveryOutlets.outlets(Preset.TINY, 7, 0))
        .hasMessageContaining("perStore must be >= 1");
  }
}
