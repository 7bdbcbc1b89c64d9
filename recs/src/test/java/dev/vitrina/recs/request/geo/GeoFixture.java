package dev.vitrina.recs.request.geo;

import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.recs.data.AttributeColumn;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.popular.PopularConfig;
import dev.vitrina.recs.popular.PopularTrainer;
import java.util.List;

/**
 * Five venues A..E due north of {@link #USER_POINT} at 0, 1, 2, 4 and 8 km, with 1..5 users each (E
 * is the most popular and the farthest); C takes 30 minutes to prepare, the others the default.
 * Users u1..u5: u_n has the n venues of highest popularity (u5 has all five).
 */
final class GeoFixture {

  static final GeoPoint USER_POINT = new GeoPoint(1.30, 103.80);
  static final String[] VENUES = {"A", "B", "C", "D", "E"};
  static final double[] KM = {0, 1, 2, 4, 8};

  private GeoFixture() {}

  /** The point {@code km} due north of {@code from} (a meridian arc: exact for the haversine). */
  static GeoPoint north(GeoPoint from, double km) {
    return new GeoPoint(from.lat() + Math.toDegrees(km / GeoPoint.EARTH_RADIUS_KM), from.lon());
  }

  static Interactions data() {
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    for (String v : VENUES) {
      b.declareItem(v);
    }
    for (int u = 1; u <= 5; u++) {
      for (int i = 5 - u; i < 5; i++) {
        b.add("u" + u, VENUES[i], 1);
      }
    }
    Interactions base = b.build();
    GeoPoint[] pts = new GeoPoint[5];
    for (int i = 0; i < 5; i++) {
      pts[base.items().find(VENUES[i]).getAsInt()] = north(USER_POINT, KM[i]);
    }
    double[] prep = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    prep[base.items().find("C").getAsInt()] = 30;
    return withColumns(
        base,
        List.of(
            AttributeColumn.geoPoints(ItemLocations.LOCATION, pts),
            AttributeColumn.numeric(ItemLocations.PREP_MINUTES, prep)));
  }

  static Interactions withColumns(Interactions base, List<AttributeColumn> cols) {
    int n = base.size();
    int[] u = new int[n];
    int[] it = new int[n];
    float[] v = new float[n];
    for (int r = 0; r < n; r++) {
      u[r] = base.userIndex(r);
      it[r] = base.itemIndex(r);
      v[r] = base.value(r);
    }
    var attrs = base.itemAttributes();
    for (AttributeColumn c : cols) {
      attrs = attrs.withColumn(c);
    }
    return Interactions.of(base.users(), base.items(), u, it, v, null, Feedback.IMPLICIT, attrs);
  }

  static Recommender popular() {
    return new PopularTrainer(PopularConfig.defaults()).fit(data());
  }
}
