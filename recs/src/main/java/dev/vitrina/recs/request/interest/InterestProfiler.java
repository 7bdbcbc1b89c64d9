package dev.vitrina.recs.request.interest;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.recs.data.ItemAttributes;
import dev.vitrina.recs.model.ItemEmbeddings;
import dev.vitrina.recs.request.RequestState;
import dev.vitrina.recs.request.interest.InterestConfig.Basis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

/**
 * Derives a user's interests from their history (oldest first). Immutable and thread-safe.
 *
 * <p>Every history item weighs {@code 0.5^(age/halfLife)}, its age being the number of history
 * items after it. An interest's weight is the summed weight of its items over the summed weight of
 * the history items that could be placed (items with a category, or with a non-zero embedding).
 *
 * <ul>
 *   <li><b>Categories</b>: one candidate interest per category of the history, heaviest first;
 *       those with a weight of at least {@code minShare} are kept, at most {@code maxInterests},
 *       and always the heaviest. History in the other categories is left outside every interest, so
 *       the weights then sum to less than 1.
 *   <li><b>Embedding clusters</b>: the history items' unit vectors (the most recent {@value
 *       #MAX_POINTS} at most) are clustered by weighted spherical k-means (k-means++ start from the
 *       configured seed, best of {@value #RESTARTS} starts) for every K from 2 to {@code
 *       maxInterests}; the K with the highest mean silhouette (cosine distance) wins when that
 *       silhouette reaches {@code minSilhouette}, otherwise the user has one interest. A history
 *       whose recency-weighted mean unit vector is at least {@code narrowResultant} long (its items
 *       point one way) is not split at all. So a narrow user stays at 1 interest and a broad one
 *       gets several. Every history item then joins its nearest centroid; clusters lighter than
 *       {@code minShare} are dissolved into their nearest remaining cluster, and the weights sum to
 *       1.
 * </ul>
 *
 * Interests come heaviest first (ties by label).
 */
public final class InterestProfiler {

  /** At most this many (most recent) history items are clustered. */
  public static final int MAX_POINTS = 300;

  /** k-means starts per K. */
  public static final int RESTARTS = 3;

  private static final int KMEANS_ITERATIONS = 30;

  private final InterestConfig config;

  /** A profiler with {@code config}. */
  public InterestProfiler(InterestConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** A profiler with {@link InterestConfig#defaults()}. */
  public static InterestProfiler defaults() {
    return new InterestProfiler(InterestConfig.defaults());
  }

  /** The configuration. */
  public InterestConfig config() {
    return config;
  }

  /**
   * The basis used for a catalogue and a model's embeddings (null when the model has none).
   *
   * @throws ParameterException naming {@code basis} when the configured basis needs categories the
   *     catalogue lacks, or embeddings the model lacks, or (AUTO) neither is there
   */
  public Basis basisFor(ItemAttributes catalog, ItemEmbeddings embeddings) {
    return switch (config.basis()) {
      case CATEGORIES -> {
        if (!catalog.hasCategories()) {
          throw new ParameterException(
              "basis",
              "CATEGORIES needs item categories, but the model's catalogue has none; train on"
                  + " data with item categories, or use EMBEDDINGS with a model that has item"
                  + " embeddings (ials)");
        }
        yield Basis.CATEGORIES;
      }
      case EMBEDDINGS -> {
        if (embeddings == null) {
          throw new ParameterException(
              "basis",
              "EMBEDDINGS needs a model with item embeddings (ials), but the model has none; use"
                  + " CATEGORIES with a catalogue that has categories, or an ials model");
        }
        yield Basis.EMBEDDINGS;
      }
      case AUTO -> {
        if (catalog.hasCategories()) {
          yield Basis.CATEGORIES;
        }
        if (embeddings != null) {
          yield Basis.EMBEDDINGS;
        }
        throw new ParameterException(
            "basis",
            "AUTO found neither item categories in the catalogue nor item embeddings in the model;"
                + " train on data with item categories, or use an ials model");
      }
    };
  }

  /** The interests of the request's user (empty without history). */
  public List<Interest> interests(RequestState state) {
    return state.memo(
        this,
        () ->
            interests(
                state.history(),
                state.catalog(),
                state.model().capability(ItemEmbeddings.class).orElse(null)));
  }

  /**
   * The interests of a history.
   *
   * @param history dense item indices, oldest first
   * @param catalog the items' attributes
   * @param embeddings the model's item vectors, or null
   * @throws ParameterException naming {@code basis} (see {@link #basisFor})
   */
  public List<Interest> interests(
      int[] history, ItemAttributes catalog, ItemEmbeddings embeddings) {
    Basis basis = basisFor(catalog, embeddings);
    if (history.length == 0) {
      return List.of();
    }
    double[] w = recencyWeights(history.length, config.halfLife());
    return basis == Basis.CATEGORIES
        ? byCategory(history, w, catalog)
        : byEmbedding(history, w, catalog, embeddings);
  }

  /**
   * The recency weight of each of {@code n} history positions, oldest first: {@code
   * 0.5^((n-1-j)/halfLife)}.
   */
  public static double[] recencyWeights(int n, double halfLife) {
    double[] w = new double[n];
    for (int j = 0; j < n; j++) {
      w[j] = Double.isInfinite(halfLife) ? 1 : Math.pow(0.5, (n - 1 - j) / halfLife);
    }
    return w;
  }

  /**
   * Which of {@code interests} an item serves: for category interests the interest of the item's
   * category (-1 when none has it); for embedding clusters the one whose centroid is nearest to the
   * item's vector (-1 for a zero vector).
   */
  public static IntUnaryOperator membership(
      List<Interest> interests, ItemAttributes catalog, ItemEmbeddings embeddings) {
    if (interests.isEmpty()) {
      return i -> -1;
    }
    if (interests.get(0).isCategory()) {
      Map<Integer, Integer> byCategory = new HashMap<>();
      for (int a = 0; a < interests.size(); a++) {
        byCategory.put(interests.get(a).category(), a);
      }
      return i -> {
        int c = catalog.categoryCode(i);
        return c == ItemAttributes.NO_CATEGORY ? -1 : byCategory.getOrDefault(c, -1);
      };
    }
    float[][] centroids = new float[interests.size()][];
    for (int a = 0; a < centroids.length; a++) {
      centroids[a] = interests.get(a).centroid();
    }
    int d = embeddings.dimension();
    return i -> {
      float[] v = new float[d];
      embeddings.itemVector(i, v);
      return nearest(v, centroids, centroids.length);
    };
  }

  /**
   * {@link #membership} for every item at once: {@code out[i]} is the interest of item {@code i} or
   * -1. For embedding clusters the dot products of all items with the centroids come from one
   * {@link ItemEmbeddings#dotAll} call, so a request costs about one scoring pass, not one scalar
   * dot product per item and interest.
   */
  public static int[] memberships(
      List<Interest> interests, ItemAttributes catalog, ItemEmbeddings embeddings, int items) {
    return memberships(interests, catalog, embeddings, items, null);
  }

  /**
   * {@link #memberships(List, ItemAttributes, ItemEmbeddings, int)} with the dot products of every
   * item with the {@link #centroids} already computed ({@code dots[a][i]}), or null to compute
   * them.
   */
  public static int[] memberships(
      List<Interest> interests,
      ItemAttributes catalog,
      ItemEmbeddings embeddings,
      int items,
      float[][] given) {
    int[] out = new int[items];
    if (interests.isEmpty()) {
      Arrays.fill(out, -1);
      return out;
    }
    if (interests.get(0).isCategory()) {
      IntUnaryOperator m = membership(interests, catalog, embeddings);
      for (int i = 0; i < items; i++) {
        out[i] = m.applyAsInt(i);
      }
      return out;
    }
    int k = interests.size();
    float[][] dots = given;
    if (dots == null) {
      dots = new float[k][items];
      embeddings.dotAll(centroids(interests), dots);
    }
    float[] v = new float[embeddings.dimension()];
    for (int i = 0; i < items; i++) {
      int best = 0;
      float bv = dots[0][i];
      for (int a = 1; a < k; a++) {
        if (dots[a][i] > bv) {
          bv = dots[a][i];
          best = a;
        }
      }
      if (bv == 0f) { // all zero: a zero item vector (an item never seen) belongs to no interest
        embeddings.itemVector(i, v);
        boolean zero = true;
        for (float f : v) {
          zero &= f == 0f;
        }
        if (zero) {
          best = -1;
        }
      }
      out[i] = best;
    }
    return out;
  }

  /** The centroids of embedding-cluster interests, in order (null for category interests). */
  public static float[][] centroids(List<Interest> interests) {
    if (interests.isEmpty() || interests.get(0).isCategory()) {
      return null;
    }
    float[][] c = new float[interests.size()][];
    for (int a = 0; a < c.length; a++) {
      c[a] = interests.get(a).centroid();
    }
    return c;
  }

  private List<Interest> byCategory(int[] history, double[] w, ItemAttributes catalog) {
    Map<Integer, double[]> weight = new HashMap<>();
    Map<Integer, List<Integer>> items = new HashMap<>();
    double total = 0;
    for (int j = 0; j < history.length; j++) {
      int c = catalog.categoryCode(history[j]);
      if (c == ItemAttributes.NO_CATEGORY) {
        continue;
      }
      weight.computeIfAbsent(c, x -> new double[1])[0] += w[j];
      items.computeIfAbsent(c, x -> new ArrayList<>()).add(history[j]);
      total += w[j];
    }
    if (total == 0) {
      return List.of();
    }
    List<Integer> order = new ArrayList<>(weight.keySet());
    double t = total;
    order.sort(
        Comparator.<Integer>comparingDouble(c -> -weight.get(c)[0])
            .thenComparing(catalog::categoryName));
    List<Interest> out = new ArrayList<>();
    for (int c : order) {
      double share = weight.get(c)[0] / t;
      if (!out.isEmpty() && (share < config.minShare() || out.size() >= config.maxInterests())) {
        break;
      }
      out.add(
          new Interest(
              catalog.categoryName(c),
              Math.min(1, share),
              c,
              null,
              items.get(c).stream().mapToInt(Integer::intValue).toArray()));
    }
    return List.copyOf(out);
  }

  private List<Interest> byEmbedding(
      int[] history, double[] w, ItemAttributes catalog, ItemEmbeddings embeddings) {
    int d = embeddings.dimension();
    int n = history.length;
    float[][] x = new float[n][];
    for (int j = 0; j < n; j++) {
      float[] v = new float[d];
      embeddings.itemVector(history[j], v);
      x[j] = normalize(v) ? v : null;
    }
    // the most recent points with a vector are clustered
    List<Integer> pts = new ArrayList<>();
    for (int j = n - 1; j >= 0 && pts.size() < MAX_POINTS; j--) {
      if (x[j] != null) {
        pts.add(j);
      }
    }
    if (pts.isEmpty()) {
      return List.of();
    }
    int m = pts.size();
    float[][] px = new float[m][];
    double[] pw = new double[m];
    for (int p = 0; p < m; p++) {
      px[p] = x[pts.get(p)];
      pw[p] = w[pts.get(p)];
    }
    float[][] best = new float[][] {weightedMean(px, pw, null, 0, d)};
    double bestSil = Double.NEGATIVE_INFINITY;
    int maxK =
        resultant(px, pw, d) >= config.narrowResultant() ? 1 : Math.min(config.maxInterests(), m);
    if (maxK >= 2) {
      double[][] dist = new double[m][m];
      for (int a = 0; a < m; a++) {
        for (int b = a + 1; b < m; b++) {
          dist[a][b] = dist[b][a] = 1 - dot(px[a], px[b]);
        }
      }
      for (int k = 2; k <= maxK; k++) {
        float[][] c = kmeans(px, pw, k, d);
        int[] lab = assign(px, c);
        double s = silhouette(dist, lab, c.length);
        if (s > bestSil) {
          bestSil = s;
          if (s >= config.minSilhouette()) {
            best = c;
          }
        }
      }
    }
    // every history item joins its nearest centroid; light clusters dissolve into the others
    float[][] cents = best;
    int kk = cents.length;
    double total = 0;
    for (int j = 0; j < n; j++) {
      total += x[j] == null ? 0 : w[j];
    }
    boolean[] alive = new boolean[kk];
    Arrays.fill(alive, true);
    while (true) {
      double[] share = new double[kk];
      for (int j = 0; j < n; j++) {
        if (x[j] != null) {
          share[nearestAlive(x[j], cents, alive)] += w[j] / total;
        }
      }
      int lightest = -1;
      int heaviest = -1;
      int living = 0;
      for (int a = 0; a < kk; a++) {
        if (!alive[a]) {
          continue;
        }
        living++;
        if (heaviest < 0 || share[a] > share[heaviest]) {
          heaviest = a;
        }
        if (lightest < 0 || share[a] < share[lightest]) {
          lightest = a;
        }
      }
      if (living > 1 && share[lightest] < config.minShare()) {
        alive[lightest] = false;
        continue;
      }
      List<Interest> out = new ArrayList<>();
      List<Integer> order = new ArrayList<>();
      for (int a = 0; a < kk; a++) {
        if (alive[a]) {
          order.add(a);
        }
      }
      order.sort(Comparator.comparingDouble(a -> -share[a]));
      Map<String, Integer> used = new HashMap<>();
      for (int rank = 0; rank < order.size(); rank++) {
        int a = order.get(rank);
        List<Integer> mine = new ArrayList<>();
        Map<Integer, Double> catWeight = new HashMap<>();
        for (int j = 0; j < n; j++) {
          if (x[j] != null && nearestAlive(x[j], cents, alive) == a) {
            mine.add(history[j]);
            int cat = catalog.categoryCode(history[j]);
            if (cat != ItemAttributes.NO_CATEGORY) {
              catWeight.merge(cat, w[j], Double::sum);
            }
          }
        }
        String label = "interest " + (rank + 1);
        if (!catWeight.isEmpty()) {
          int top =
              catWeight.entrySet().stream()
                  .max(
                      Comparator.<Map.Entry<Integer, Double>>comparingDouble(Map.Entry::getValue)
                          .thenComparing(e -> -e.getKey()))
                  .orElseThrow()
                  .getKey();
          String name = catalog.categoryName(top);
          int seen = used.merge(name, 1, Integer::sum);
          label = seen == 1 ? name : name + " (" + seen + ")";
        }
        out.add(
            new Interest(
                label,
                Math.min(1, share[a]),
                ItemAttributes.NO_CATEGORY,
                cents[a].clone(),
                mine.stream().mapToInt(Integer::intValue).toArray()));
      }
      return List.copyOf(out);
    }
  }

  private float[][] kmeans(float[][] x, double[] w, int k, int d) {
    SplittableRandom rng = new SplittableRandom(config.seed() * 31 + k);
    float[][] best = null;
    double bestObj = Double.NEGATIVE_INFINITY;
    for (int start = 0; start < RESTARTS; start++) {
      float[][] c = new float[k][];
      // k-means++ with cosine distance
      c[0] = x[rng.nextInt(x.length)].clone();
      double[] dmin = new double[x.length];
      for (int a = 1; a < k; a++) {
        double sum = 0;
        for (int p = 0; p < x.length; p++) {
          double dd = 1 - dot(x[p], c[0]);
          for (int b = 1; b < a; b++) {
            dd = Math.min(dd, 1 - dot(x[p], c[b]));
          }
          dmin[p] = Math.max(0, dd) * w[p];
          sum += dmin[p];
        }
        int pick = rng.nextInt(x.length);
        if (sum > 0) {
          double r = rng.nextDouble() * sum;
          for (int p = 0; p < x.length; p++) {
            r -= dmin[p];
            if (r <= 0) {
              pick = p;
              break;
            }
          }
        }
        c[a] = x[pick].clone();
      }
      int[] lab = assign(x, c);
      for (int it = 0; it < KMEANS_ITERATIONS; it++) {
        for (int a = 0; a < k; a++) {
          float[] m = weightedMean(x, w, lab, a, d);
          if (m != null) {
            c[a] = m;
          }
        }
        int[] next = assign(x, c);
        boolean same = Arrays.equals(next, lab);
        lab = next;
        if (same) {
          break;
        }
      }
      double obj = 0;
      for (int p = 0; p < x.length; p++) {
        obj += w[p] * dot(x[p], c[lab[p]]);
      }
      if (obj > bestObj) {
        bestObj = obj;
        best = c;
      }
    }
    return best;
  }

  /**
   * The unit mean of the points labelled {@code a} (all when {@code lab} is null); null if none.
   */
  private static float[] weightedMean(float[][] x, double[] w, int[] lab, int a, int d) {
    double[] s = new double[d];
    boolean any = false;
    for (int p = 0; p < x.length; p++) {
      if (lab == null || lab[p] == a) {
        any = true;
        for (int t = 0; t < d; t++) {
          s[t] += w[p] * x[p][t];
        }
      }
    }
    if (!any) {
      return null;
    }
    float[] m = new float[d];
    for (int t = 0; t < d; t++) {
      m[t] = (float) s[t];
    }
    return normalize(m) ? m : x[0].clone();
  }

  /** The length of the weighted mean of unit vectors (weights normalised to sum 1). */
  private static double resultant(float[][] x, double[] w, int d) {
    double[] s = new double[d];
    double tw = 0;
    for (int p = 0; p < x.length; p++) {
      tw += w[p];
      for (int t = 0; t < d; t++) {
        s[t] += w[p] * x[p][t];
      }
    }
    double n = 0;
    for (double v : s) {
      n += v * v;
    }
    return Math.sqrt(n) / tw;
  }

  private static int[] assign(float[][] x, float[][] c) {
    int[] lab = new int[x.length];
    for (int p = 0; p < x.length; p++) {
      lab[p] = nearest(x[p], c, c.length);
    }
    return lab;
  }

  private static double silhouette(double[][] dist, int[] lab, int k) {
    int m = lab.length;
    int[] size = new int[k];
    for (int l : lab) {
      size[l]++;
    }
    double s = 0;
    for (int p = 0; p < m; p++) {
      if (size[lab[p]] <= 1) {
        continue; // a singleton's silhouette is 0
      }
      double[] sum = new double[k];
      for (int q = 0; q < m; q++) {
        if (q != p) {
          sum[lab[q]] += dist[p][q];
        }
      }
      double a = sum[lab[p]] / (size[lab[p]] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != lab[p] && size[c] > 0) {
          b = Math.min(b, sum[c] / size[c]);
        }
      }
      if (Double.isInfinite(b)) {
        continue;
      }
      double den = Math.max(a, b);
      s += den == 0 ? 0 : (b - a) / den;
    }
    return s / m;
  }

  private static int nearest(float[] v, float[][] c, int k) {
    int best = -1;
    double bv = Double.NEGATIVE_INFINITY;
    boolean zero = true;
    for (float f : v) {
      zero &= f == 0f;
    }
    if (zero) {
      return -1;
    }
    for (int a = 0; a < k; a++) {
      double s = dot(v, c[a]);
      if (s > bv) {
        bv = s;
        best = a;
      }
    }
    return best;
  }

  private static int nearestAlive(float[] v, float[][] c, boolean[] alive) {
    int best = -1;
    double bv = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < c.length; a++) {
      if (!alive[a]) {
        continue;
      }
      double s = dot(v, c[a]);
      if (s > bv) {
        bv = s;
        best = a;
      }
    }
    return best;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int t = 0; t < a.length; t++) {
      s += (double) a[t] * b[t];
    }
    return s;
  }

  private static boolean normalize(float[] v) {
    double s = 0;
    for (float f : v) {
      s += (double) f * f;
    }
    if (s == 0) {
      return false;
    }
    float inv = (float) (1 / Math.sqrt(s));
    for (int t = 0; t < v.length; t++) {
      v[t] *= inv;
    }
    return true;
  }
}
