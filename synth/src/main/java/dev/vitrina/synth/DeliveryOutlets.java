package dev.vitrina.synth;

import dev.vitrina.core.geo.GeoPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Delivery outlets around the marketplace's stores, and users who order from them: a small seeded
 * addition for location-aware feeds (food or quick-commerce delivery). Computed in memory; {@link
 * MarketplaceGenerator#generate} writes nothing of it, so the marketplace's files are unchanged.
 *
 * <ul>
 *   <li>Outlets: {@code perStore} around each of the preset's stores, at a uniform point of the 8
 *       km disc around the store, each with a preparation time of 5 to 25 whole minutes and a
 *       log-normal appeal {@code exp(0.5 N(0,1))}.
 *   <li>Users: each lives near one store, uniform over stores (home = store + N(0, 3 km) north and
 *       east), and places 1 + Poisson(mean - 1) orders; an order picks an outlet of the user's city
 *       with probability proportional to {@code appeal x exp(-distance / 2 km)}.
 * </ul>
 *
 * Every outlet and user draws from its own generator seeded from (seed, index): same seed, same
 * outlets and orders.
 */
public final class DeliveryOutlets {

  /** The radius in km of the disc around a store in which its outlets lie. */
  public static final double SPREAD_KM = 8;

  private DeliveryOutlets() {}

  /**
   * One outlet.
   *
   * @param id {@code <store>_O<k>}, e.g. {@code CA_1_O3}
   * @param storeId the store it is near
   * @param point where it is
   * @param prepMinutes preparation time in minutes
   * @param appeal relative attractiveness ({@code > 0})
   */
  public record Outlet(
      String id, String storeId, GeoPoint point, double prepMinutes, double appeal) {}

  /**
   * One order of a user from an outlet.
   *
   * @param userId {@code D<n>}
   * @param outletId the outlet
   */
  public record Order(String userId, String outletId) {}

  /** A user and where they live. */
  public record Customer(String userId, String storeId, GeoPoint home) {}

  /**
   * The outlets of {@code preset}'s stores, store by store.
   *
   * @throws IllegalArgumentException when {@code perStore < 1}
   */
  public static List<Outlet> outlets(Preset preset, long seed, int perStore) {
    if (perStore < 1) {
      throw new IllegalArgumentException(
          "perStore must be >= 1 outlet per store, got " + perStore + "; e.g. 20");
    }
    List<Outlet> out = new ArrayList<>();
    for (int j = 0; j < preset.stores(); j++) {
      GeoPoint store = store(j);
      for (int k = 0; k < perStore; k++) {
        SplittableRandom r = rng(seed, 1, (long) j * 1_000_000 + k);
        double km = SPREAD_KM * Math.sqrt(r.nextDouble());
        double bearing = 2 * Math.PI * r.nextDouble();
        GeoPoint p = offset(store, km * Math.cos(bearing), km * Math.sin(bearing));
        double prep = 5 + r.nextInt(21);
        double appeal = Math.exp(0.5 * r.nextGaussian());
        out.add(
            new Outlet(MarketplaceGenerator.STORES[j][0] + "_O" + k, storeId(j), p, prep, appeal));
      }
    }
    return out;
  }

  /** {@code users} customers, user by user. */
  public static List<Customer> customers(Preset preset, long seed, int users) {
    List<Customer> out = new ArrayList<>(users);
    for (int u = 0; u < users; u++) {
      SplittableRandom r = rng(seed, 2, u);
      int j = r.nextInt(preset.stores());
      GeoPoint home = offset(store(j), 3 * r.nextGaussian(), 3 * r.nextGaussian());
      out.add(new Customer("D" + u, storeId(j), home));
    }
    return out;
  }

  /** The orders of {@code customers} from {@code outlets}, customer by customer. */
  public static List<Order> orders(
      List<Customer> customers, List<Outlet> outlets, long seed, double meanOrders) {
    if (!(meanOrders >= 1)) {
      throw new IllegalArgumentException(
          "meanOrders must be >= 1 order per user, got " + meanOrders + "; e.g. 10");
    }
    List<Order> out = new ArrayList<>();
    for (int u = 0; u < customers.size(); u++) {
      Customer c = customers.get(u);
      SplittableRandom r = rng(seed, 3, u);
      List<Outlet> local = new ArrayList<>();
      List<Double> cum = new ArrayList<>();
      double acc = 0;
      for (Outlet o : outlets) {
        if (o.storeId().equals(c.storeId())) {
          acc += o.appeal() * Math.exp(-c.home().distanceKm(o.point()) / 2);
          local.add(o);
          cum.add(acc);
        }
      }
      int n = 1 + MarketplaceGenerator.poisson(r, meanOrders - 1);
      for (int e = 0; e < n && !local.isEmpty(); e++) {
        double x = r.nextDouble() * acc;
        int pick = 0;
        while (pick < local.size() - 1 && cum.get(pick) <= x) {
          pick++;
        }
        out.add(new Order(c.userId(), local.get(pick).id()));
      }
    }
    return out;
  }

  private static String storeId(int j) {
    return MarketplaceGenerator.STORES[j][0];
  }

  private static GeoPoint store(int j) {
    return new GeoPoint(
        Double.parseDouble(MarketplaceGenerator.STORES[j][3]),
        Double.parseDouble(MarketplaceGenerator.STORES[j][4]));
  }

  /** The point {@code northKm} north and {@code eastKm} east of {@code p} (flat at city scale). */
  static GeoPoint offset(GeoPoint p, double northKm, double eastKm) {
    double dLat = Math.toDegrees(northKm / GeoPoint.EARTH_RADIUS_KM);
    double dLon =
        Math.toDegrees(eastKm / (GeoPoint.EARTH_RADIUS_KM * Math.cos(Math.toRadians(p.lat()))));
    return new GeoPoint(p.lat() + dLat, p.lon() + dLon);
  }

  private static SplittableRandom rng(long seed, long stream, long index) {
    return new SplittableRandom(
        MarketplaceGenerator.mix(
            MarketplaceGenerator.mix(seed ^ (0x2545F4914F6CDD1DL * stream)) + index));
  }
}
