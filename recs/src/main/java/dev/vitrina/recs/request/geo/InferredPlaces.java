package dev.vitrina.recs.request.geo;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.TrainingData;
import dev.vitrina.recs.request.Places;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Each user's places inferred from the coordinates of the items in their training history, for data
 * without labelled locations.
 *
 * <p>The history's located items are clustered by density (DBSCAN on haversine distance: a point
 * with at least {@code minPoints} points, itself included, within {@code epsKm} is a core point;
 * clusters are the core points reachable from each other plus their border points; the rest is
 * noise). The largest cluster is {@value #HOME}, the second largest {@value #OFFICE} (ties: the
 * cluster whose first point comes earlier in the history); each sits at the mean of its points.
 * Every user with at least one located item also has {@value #CENTRE}, the mean of all their
 * located items. {@link #names} lists home, office (when found), centre. The procedure is
 * deterministic: it visits the points in history order and draws no random numbers.
 */
public final class InferredPlaces implements Places {

  /** The largest cluster of the user's history. */
  public static final String HOME = "home";

  /** The second largest cluster. */
  public static final String OFFICE = "office";

  /** The mean of all the user's located items. */
  public static final String CENTRE = "centre";

  /**
   * The clustering's parameters.
   *
   * @param epsKm neighbourhood radius in km, {@code > 0}
   * @param minPoints points (the point itself included) within {@code epsKm} that make a core
   *     point, {@code >= 1}
   */
  public record Config(double epsKm, int minPoints) {

    /** 1 km and 3 points: a place is where the user went to three venues within walking range. */
    public static final Config DEFAULT = new Config(1.0, 3);

    public Config {
      if (!(epsKm > 0) || Double.isInfinite(epsKm)) {
        throw new ParameterException(
            "eps_km", "must be a finite number > 0, got " + epsKm + "; e.g. 1 km");
      }
      if (minPoints < 1) {
        throw new ParameterException("min_points", "must be >= 1, got " + minPoints + "; e.g. 3");
      }
    }
  }

  private final GeoPoint[][] places; // per user: home, office, centre (null when absent)

  private InferredPlaces(GeoPoint[][] places) {
    this.places = places;
  }

  /** The places of every user of {@code model}, inferred from its training histories. */
  public static InferredPlaces of(Recommender model, ItemLocations locations, Config config) {
    TrainingData td =
        model
            .capability(TrainingData.class)
            .orElseThrow(
                () ->
                    new ParameterException(
                        "model",
                        "'"
                            + model.name()
                            + "' keeps no training histories; places are inferred from them, so"
                            + " train the model with vitrina or give the places"));
    int users = model.users().size();
    GeoPoint[][] out = new GeoPoint[users][];
    for (int u = 0; u < users; u++) {
      int[] h = td.history(u);
      List<GeoPoint> pts = new ArrayList<>(h.length);
      for (int i : h) {
        GeoPoint p = locations.point(i);
        if (p != null) {
          pts.add(p);
        }
      }
      out[u] = infer(pts, config);
    }
    return new InferredPlaces(out);
  }

  /** Home, office and centre of one point set (entries null when absent). */
  static GeoPoint[] infer(List<GeoPoint> pts, Config config) {
    GeoPoint[] res = new GeoPoint[3];
    int n = pts.size();
    if (n == 0) {
      return res;
    }
    res[2] = mean(pts, null, -1);
    int[] label = new int[n];
    Arrays.fill(label, -2); // -2 unvisited, -1 noise, >= 0 cluster
    int clusters = 0;
    for (int i = 0; i < n; i++) {
      if (label[i] != -2) {
        continue;
      }
      List<Integer> nb = neighbours(pts, i, config.epsKm());
      if (nb.size() < config.minPoints()) {
        label[i] = -1;
        continue;
      }
      int c = clusters++;
      label[i] = c;
      ArrayList<Integer> queue = new ArrayList<>(nb);
      for (int q = 0; q < queue.size(); q++) {
        int j = queue.get(q);
        if (label[j] == -1) {
          label[j] = c;
        }
        if (label[j] != -2) {
          continue;
        }
        label[j] = c;
        List<Integer> nj = neighbours(pts, j, config.epsKm());
        if (nj.size() >= config.minPoints()) {
          queue.addAll(nj);
        }
      }
    }
    int[] size = new int[clusters];
    for (int l : label) {
      if (l >= 0) {
        size[l]++;
      }
    }
    // clusters are numbered by their first point's position: a stable sort by size keeps that order
    Integer[] order = new Integer[clusters];
    for (int c = 0; c < clusters; c++) {
      order[c] = c;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(size[b], size[a]));
    if (clusters > 0) {
      res[0] = mean(pts, label, order[0]);
    }
    if (clusters > 1) {
      res[1] = mean(pts, label, order[1]);
    }
    return res;
  }

  private static List<Integer> neighbours(List<GeoPoint> pts, int i, double eps) {
    List<Integer> out = new ArrayList<>();
    GeoPoint p = pts.get(i);
    for (int j = 0; j < pts.size(); j++) {
      if (p.distanceKm(pts.get(j)) <= eps) {
        out.add(j);
      }
    }
    return out;
  }

  private static GeoPoint mean(List<GeoPoint> pts, int[] label, int cluster) {
    double lat = 0;
    double lon = 0;
    int n = 0;
    for (int i = 0; i < pts.size(); i++) {
      if (label == null || label[i] == cluster) {
        lat += pts.get(i).lat();
        lon += pts.get(i).lon();
        n++;
      }
    }
    return new GeoPoint(lat / n, lon / n);
  }

  @Override
  public List<String> names(int user) {
    if (user < 0 || user >= places.length) {
      return List.of();
    }
    GeoPoint[] p = places[user];
    List<String> out = new ArrayList<>(3);
    if (p[0] != null) {
      out.add(HOME);
    }
    if (p[1] != null) {
      out.add(OFFICE);
    }
    if (p[2] != null) {
      out.add(CENTRE);
    }
    return out;
  }

  @Override
  public Optional<GeoPoint> place(int user, String name) {
    if (user < 0 || user >= places.length || name == null) {
      return Optional.empty();
    }
    int slot =
        switch (name) {
          case HOME -> 0;
          case OFFICE -> 1;
          case CENTRE -> 2;
          default -> -1;
        };
    return slot < 0 ? Optional.empty() : Optional.ofNullable(places[user][slot]);
  }
}
